package io.beacon.identity.domain;

import io.beacon.platform.domain.Validator;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A customer organisation (a company, a department): each requester belongs to at most one. */
@Entity
@Table(name = "organisation")
public class Organisation {
    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "organisation_seq")
    @SequenceGenerator(name = "organisation_seq", sequenceName = "organisation_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = NAME_MAX)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Organisation() {}

    public Organisation(String name, Instant createdAt) {
        this.name = checkedName(name);
        this.createdAt = createdAt;
    }

    public void rename(String newName) {
        this.name = checkedName(newName);
    }

    static String checkedName(String name) {
        Validator v = new Validator();
        v.text(name, "name", true, NAME_MAX);
        v.throwIfInvalid();
        return name.strip();
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getVersion() {
        return version;
    }
}
