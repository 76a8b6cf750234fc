package io.beacon.ticket.domain;

import io.beacon.platform.domain.BidiControls;
import io.beacon.platform.domain.Validator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A file attached to a ticket: its description here, its bytes in {@link AttachmentContent}. An internal
 * one (it came with a mail that became an internal note) is seen by the desk only, like the note.
 */
@Entity
@Table(name = "ticket_attachment")
public class TicketAttachment {
    private static final Pattern MEDIA_TYPE = Pattern.compile("[A-Za-z0-9!#$&^_.+-]+/[A-Za-z0-9!#$&^_.+-]+");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ticket_attachment_seq")
    @SequenceGenerator(name = "ticket_attachment_seq", sequenceName = "ticket_attachment_seq", allocationSize = 50)
    private Long id;

    @Column(name = "ticket_id", nullable = false)
    private long ticketId;

    @Column(name = "file_name", nullable = false, length = 255)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 150)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long sizeBytes;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private boolean internal;

    protected TicketAttachment() {}

    public TicketAttachment(long ticketId, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, Instant now) {
        this(ticketId, fileName, contentType, sizeBytes, sha256, uploadedBy, false, now);
    }

    public TicketAttachment(long ticketId, String fileName, String contentType, long sizeBytes, String sha256,
            String uploadedBy, boolean internal, Instant now) {
        this.internal = internal;
        this.ticketId = ticketId;
        this.fileName = safeFileName(fileName);
        this.contentType = contentType != null && MEDIA_TYPE.matcher(contentType).matches() && contentType.length() <= 150
                ? contentType.toLowerCase(java.util.Locale.ROOT) : "application/octet-stream";
        this.sizeBytes = sizeBytes;
        this.sha256 = sha256;
        this.uploadedBy = uploadedBy;
        this.createdAt = now;
    }

    /**
     * Keeps the name a person gave the file (Korean included) but drops paths, control characters
     * and bidirectional controls, with which "invoice\u202Efdp.exe" would show as "invoiceexe.pdf".
     */
    static String safeFileName(String name) {
        Validator v = new Validator();
        v.text(name, "fileName", true, 255);
        v.throwIfInvalid();
        String base = BidiControls.strip(name).replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        base.codePoints().filter(c -> c >= 0x20 && c != 0x7f && c != '"').forEach(sb::appendCodePoint);
        String cleaned = sb.toString().strip();
        if (cleaned.isEmpty() || cleaned.equals(".") || cleaned.equals("..")) {
            new Validator().add("fileName", "is not a usable file name").throwIfInvalid();
        }
        return cleaned;
    }

    public Long getId() {
        return id;
    }

    public long getTicketId() {
        return ticketId;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public String getSha256() {
        return sha256;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public boolean isInternal() {
        return internal;
    }
}
