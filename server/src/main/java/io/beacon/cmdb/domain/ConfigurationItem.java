package io.beacon.cmdb.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** A configuration item: anything the desk manages that can fail or be changed (server, switch, service...). */
@Entity
@Table(name = "configuration_item")
public class ConfigurationItem {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "configuration_item_seq")
    @SequenceGenerator(name = "configuration_item_seq", sequenceName = "configuration_item_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = CiInput.NAME_MAX)
    private String name;

    @Column(nullable = false, length = 32)
    @Enumerated(EnumType.STRING)
    private CiType type;

    @Column(length = CiInput.HOSTNAME_MAX)
    private String hostname;

    @ElementCollection
    @CollectionTable(name = "ci_ip_address", joinColumns = @JoinColumn(name = "ci_id"))
    @Column(name = "ip_address", length = 45, nullable = false)
    private Set<String> ipAddresses = new HashSet<>();

    @Column(name = "owner_group", length = CiInput.OWNER_GROUP_MAX)
    private String ownerGroup;

    @Column(length = CiInput.DESCRIPTION_MAX)
    private String description;

    @ElementCollection
    @CollectionTable(name = "ci_attribute", joinColumns = @JoinColumn(name = "ci_id"))
    @MapKeyColumn(name = "attr_name", length = CiInput.ATTRIBUTE_KEY_MAX)
    @Column(name = "attr_value", length = CiInput.ATTRIBUTE_VALUE_MAX)
    private Map<String, String> attributes = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected ConfigurationItem() {}

    public ConfigurationItem(CiFields fields, Instant now) {
        this.createdAt = now;
        this.updatedAt = now;
        apply(fields, now);
    }

    /** Takes over every value of {@code fields}; answers whether anything changed (then updatedAt moves). */
    public boolean apply(CiFields f, Instant now) {
        boolean changed = !Objects.equals(name, f.name()) || type != f.type()
                || !Objects.equals(hostname, f.hostname()) || !Objects.equals(ownerGroup, f.ownerGroup())
                || !Objects.equals(description, f.description())
                || !ipAddresses.equals(Set.copyOf(f.ipAddresses())) || !attributes.equals(f.attributes());
        if (!changed) {
            return false;
        }
        name = f.name();
        type = f.type();
        hostname = f.hostname();
        ownerGroup = f.ownerGroup();
        description = f.description();
        // Changed in place: a new collection instance would make Hibernate rewrite every row.
        Set<String> ips = Set.copyOf(f.ipAddresses());
        ipAddresses.retainAll(ips);
        ipAddresses.addAll(ips);
        attributes.keySet().retainAll(f.attributes().keySet());
        f.attributes().forEach((k, v) -> {
            if (!v.equals(attributes.get(k))) {
                attributes.put(k, v);
            }
        });
        updatedAt = now;
        return true;
    }

    /** The current values, in the same normalised form that {@link CiInput#validate()} produces. */
    public CiFields fields() {
        return new CiFields(name, type, hostname, ipAddresses.stream().sorted().toList(), ownerGroup, description,
                Map.copyOf(attributes));
    }

    /** What the CMDB view needs of this CI, as of its current version (flush first for a new one). */
    public CiIdentity identity() {
        return new CiIdentity(id, version, name, hostname, Set.copyOf(ipAddresses), ownerGroup);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public CiType getType() {
        return type;
    }

    public String getHostname() {
        return hostname;
    }

    public List<String> getIpAddresses() {
        return ipAddresses.stream().sorted().toList();
    }

    public String getOwnerGroup() {
        return ownerGroup;
    }

    public String getDescription() {
        return description;
    }

    public Map<String, String> getAttributes() {
        return new TreeMap<>(attributes);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public long getVersion() {
        return version;
    }
}
