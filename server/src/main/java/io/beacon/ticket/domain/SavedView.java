package io.beacon.ticket.domain;

import io.beacon.platform.domain.Validator;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A queue saved under a name: the list's filters and sort as query parameters (the ticket list's
 * own, e.g. {@code status=open}, {@code sort=due}), a user's own, or shared with one group, whose
 * members see it among their views. Only its owner (or an administrator) changes or deletes it.
 */
@Entity
@Table(name = "saved_view")
public class SavedView {
    public static final int NAME_MAX = 100;
    public static final int PARAMS_MAX = 20;
    public static final int VALUE_MAX = 500;
    private static final Pattern PARAM_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "saved_view_seq")
    @SequenceGenerator(name = "saved_view_seq", sequenceName = "saved_view_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Column(nullable = false, length = 64)
    private String owner;

    @Column(name = "group_id")
    private Long groupId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "saved_view_param", joinColumns = @JoinColumn(name = "view_id"))
    @MapKeyColumn(name = "param_name", length = 32)
    @Column(name = "param_value", length = VALUE_MAX, nullable = false)
    private Map<String, String> params = new HashMap<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected SavedView() {}

    public SavedView(String owner, String name, Long groupId, Map<String, String> params, Instant now) {
        this.owner = owner;
        this.createdAt = now;
        change(name, groupId, params, now);
    }

    /** Checks and sets the name, the group shared with (null: private) and the parameters. */
    public final void change(String newName, Long newGroupId, Map<String, String> newParams, Instant now) {
        String n = newName == null ? null : newName.strip();
        Map<String, String> p = checked(n, newParams);
        this.name = n;
        this.groupId = newGroupId;
        this.params.clear();
        this.params.putAll(p);
        this.updatedAt = now;
    }

    /** The parameters as they will be stored; every offending field named at once. */
    static Map<String, String> checked(String name, Map<String, String> params) {
        Validator v = new Validator();
        v.text(name, "name", true, NAME_MAX);
        Map<String, String> out = new TreeMap<>();
        if (params != null) {
            v.require(params.size() <= PARAMS_MAX, "params", "at most " + PARAMS_MAX + " parameters");
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey() == null || !PARAM_NAME.matcher(e.getKey()).matches()) {
                    v.add("params", "'" + e.getKey() + "' is not a parameter name (a letter, then letters, digits or _; up to 32)");
                } else if (e.getValue() != null && e.getValue().length() > VALUE_MAX) {
                    v.add("params", "the value of '" + e.getKey() + "' is longer than " + VALUE_MAX + " characters");
                } else if (e.getValue() != null && !e.getValue().isBlank()) {
                    out.put(e.getKey(), e.getValue().strip());
                }
            }
        }
        v.throwIfInvalid();
        return out;
    }

    public Long getId() { return id; }
    public String getName() { return name; }
    public String getOwner() { return owner; }
    public Long getGroupId() { return groupId; }
    public Map<String, String> getParams() { return new TreeMap<>(params); }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public long getVersion() { return version; }
}
