package io.beacon.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The bytes of an attachment, kept apart so that showing a ticket never loads file bodies. */
@Entity
@Table(name = "ticket_attachment_content")
public class AttachmentContent {
    @Id
    @Column(name = "attachment_id")
    private Long attachmentId;

    @Column(name = "content", nullable = false)
    private byte[] content;

    protected AttachmentContent() {}

    public AttachmentContent(long attachmentId, byte[] content) {
        this.attachmentId = attachmentId;
        this.content = content;
    }

    public byte[] getContent() {
        return content;
    }
}
