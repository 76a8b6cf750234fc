package io.beacon.mail.domain;

/**
 * A file that came with a mail. {@code content} is null when the file was larger than the
 * channel's limit: then only its name and size are known, and the ticket says so.
 */
public record InboundAttachment(String fileName, String contentType, long size, byte[] content) {

    public boolean overLimit() {
        return content == null;
    }
}
