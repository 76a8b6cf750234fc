package io.beacon.change.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A pre-approved standard change in the catalogue: the CAB approved the template once, so a change raised
 * from it needs no approval of its own and goes straight to scheduled. Admins keep the catalogue.
 */
@Entity
@Table(name = "change_template")
public class ChangeTemplate {
    public static final int NAME_MAX = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "change_template_seq")
    @SequenceGenerator(name = "change_template_seq", sequenceName = "change_template_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private Risk risk;

    @Column(name = "implementation_plan")
    private String implementationPlan;

    @Column(name = "backout_plan")
    private String backoutPlan;

    @Column(name = "test_plan")
    private String testPlan;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "change_template_ci", joinColumns = @JoinColumn(name = "template_id"))
    @Column(name = "ci_id")
    private Set<Long> ciIds = new LinkedHashSet<>();

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ChangeTemplate() {}

    public ChangeTemplate(String name, String description, Risk risk, Set<Long> ciIds, String implementationPlan,
            String backoutPlan, String testPlan, String createdBy, Instant now) {
        this.createdBy = createdBy;
        this.createdAt = now;
        update(name, description, risk, ciIds, implementationPlan, backoutPlan, testPlan, now);
    }

    /** Replaces what the template says (a PUT). */
    public void update(String name, String description, Risk risk, Set<Long> ciIds, String implementationPlan,
            String backoutPlan, String testPlan, Instant now) {
        this.name = name.strip();
        this.description = description;
        this.risk = Objects.requireNonNull(risk);
        this.ciIds.clear();
        this.ciIds.addAll(ciIds);
        this.implementationPlan = implementationPlan;
        this.backoutPlan = backoutPlan;
        this.testPlan = testPlan;
        this.updatedAt = now;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getDescription() { return description; }
    public Risk getRisk() { return risk; }
    public String getImplementationPlan() { return implementationPlan; }
    public String getBackoutPlan() { return backoutPlan; }
    public String getTestPlan() { return testPlan; }
    public Set<Long> getCiIds() { return Set.copyOf(ciIds); }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
