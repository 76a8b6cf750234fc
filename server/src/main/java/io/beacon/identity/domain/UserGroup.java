package io.beacon.identity.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.LinkedHashSet;
import java.util.Set;

/** A team that tickets are assigned to (an assignment group), with an optional lead. */
@Entity
@Table(name = "user_group")
public class UserGroup {
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_group_seq")
    @SequenceGenerator(name = "user_group_seq", sequenceName = "user_group_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String name;

    @Column(length = 500)
    private String description;

    @Column(length = 320)
    private String email;

    @ManyToOne
    @JoinColumn(name = "lead_id")
    private User lead;

    @ManyToMany
    @JoinTable(name = "user_group_member", joinColumns = @JoinColumn(name = "group_id"),
            inverseJoinColumns = @JoinColumn(name = "user_id"))
    private Set<User> members = new LinkedHashSet<>();

    @Version
    private long version;

    protected UserGroup() {}

    public UserGroup(String name, String description) {
        this.name = name;
        this.description = description;
    }

    public boolean hasMember(User user) {
        return members.stream().anyMatch(m -> m.getId().equals(user.getId()));
    }

    public void addMember(User user) {
        if (!hasMember(user)) {
            members.add(user);
        }
    }

    public void removeMember(User user) {
        members.removeIf(m -> m.getId().equals(user.getId()));
    }

    public void setLead(User lead) {
        this.lead = lead;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public String getEmail() {
        return email;
    }

    public User getLead() {
        return lead;
    }

    public Set<User> getMembers() {
        return Set.copyOf(members);
    }

    public long getVersion() {
        return version;
    }
}
