package io.beacon.identity.domain;

import io.beacon.platform.domain.Role;
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
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** A person or system that signs in to Beacon, or a requester known only by e-mail. */
@Entity
@Table(name = "app_user")
public class User {
    public static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    public static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    public static final int PHONE_MAX = 40;
    /** Digits with the usual separators and an optional leading +: {@code +82 2-1234-5678}. */
    public static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()./-]{2,38}");

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "app_user_seq")
    @SequenceGenerator(name = "app_user_seq", sequenceName = "app_user_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(length = 320)
    private String email;

    @Column(name = "password_hash")
    private String passwordHash;

    @Column(nullable = false, length = 16)
    private String locale;

    @Column(name = "time_zone", nullable = false, length = 64)
    private String timeZone;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(length = PHONE_MAX)
    private String phone;

    @jakarta.persistence.ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id")
    private Organisation organisation;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role", length = 32)
    @Enumerated(EnumType.STRING)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Version
    private long version;

    protected User() {}

    public User(String username, String displayName, String email, Set<Role> roles, String locale,
            String timeZone, Instant createdAt) {
        this.username = username;
        this.displayName = displayName == null || displayName.isBlank() ? username : displayName;
        setEmail(email);
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.locale = locale == null ? "ko" : locale;
        this.timeZone = timeZone == null ? "Asia/Seoul" : timeZone;
        this.active = true;
        this.createdAt = createdAt;
    }

    /** Languages the product speaks. */
    public static boolean isSupportedLocale(String locale) {
        return "ko".equals(locale) || "en".equals(locale);
    }

    public static boolean isValidTimeZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean canSignIn() {
        return active && passwordHash != null;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public void setEmail(String email) {
        this.email = normalEmail(email);
    }

    /** An address as it is stored and looked up: trimmed, lower-case (the index on it then finds any spelling). */
    public static String normalEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }

    public void setLocale(String locale) {
        this.locale = locale;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public void setRoles(Set<Role> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public void setPhone(String phone) {
        this.phone = phone == null || phone.isBlank() ? null : phone.strip();
    }

    /** Moves the person into an organisation (null: none). */
    public void setOrganisation(Organisation organisation) {
        this.organisation = organisation;
    }

    public String getPhone() {
        return phone;
    }

    public Organisation getOrganisation() {
        return organisation;
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getEmail() {
        return email;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getLocale() {
        return locale;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Set<Role> getRoles() {
        return Set.copyOf(roles);
    }

    public long getVersion() {
        return version;
    }
}
