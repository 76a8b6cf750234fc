package io.beacon.mail.application;

import static org.assertj.core.api.Assertions.assertThat;

import io.beacon.identity.domain.User;
import io.beacon.identity.domain.UserGroup;
import io.beacon.mail.domain.MailRecord;
import io.beacon.mail.domain.MailRecords;
import io.beacon.mail.domain.MailTemplate;
import io.beacon.mail.domain.MailTemplates;
import io.beacon.mail.domain.Outbox;
import io.beacon.mail.domain.OutboxMail;
import io.beacon.mail.domain.TemplateKind;
import io.beacon.mail.MailSettings;
import io.beacon.platform.domain.Page;
import io.beacon.platform.domain.PageRequest;
import io.beacon.platform.domain.Role;
import io.beacon.ticket.application.TicketActivity;
import io.beacon.ticket.application.TicketFinder;
import io.beacon.ticket.domain.FieldChange;
import io.beacon.ticket.domain.FixedPriorities;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import io.beacon.ticket.domain.TicketType;
import io.beacon.ticket.domain.Tickets;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Which ticket activity is mailed to whom, in which language, threaded how: the notifier against in-memory fakes. */
class MailNotifierTest {
    private static final Instant T0 = Instant.parse("2026-11-27T01:00:00Z");

    private final List<OutboxMail> outbox = new ArrayList<>();
    private final List<MailRecord> records = new ArrayList<>();
    private final List<MailTemplate> templates = new ArrayList<>();
    private final List<TicketComment> comments = new ArrayList<>();
    private boolean smtpOn = true;
    private int suppressed;
    private User requester;
    private Ticket ticket;
    private MailNotifier notifier;

    @BeforeEach
    void setUp() throws Exception {
        requester = new User("kim@corp.kr", "김철수", "kim@corp.kr", Set.of(Role.REQUESTER), "ko", "Asia/Seoul", T0);
        ticket = new Ticket(TicketType.SERVICE_REQUEST, 42, "노트북 교체", "배터리가 부풉니다", null, null, requester,
                "kim@corp.kr", FixedPriorities.MATRIX, T0);
        setField(ticket, "id", 7L);
        notifier = new MailNotifier();
        notifier.settings = new MailSettings() {
            @Override
            public Optional<String> smtpUrl() {
                return smtpOn ? Optional.of("smtp://127.0.0.1:25") : Optional.empty();
            }

            @Override
            public String from() {
                return "desk@beacon.test";
            }

            @Override
            public String defaultLocale() {
                return "ko";
            }

            @Override
            public int ackMaxPerHour() {
                return 3;
            }
        };
        notifier.tickets = (Tickets) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Tickets.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "byId" -> Optional.of(ticket);
                    case "comments" -> comments;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        notifier.finder = new TicketFinder() {
            @Override
            public Optional<Ticket> find(String idOrKey) {
                return Optional.of(ticket);
            }
        };
        notifier.records = new MailRecords() {
            @Override
            public MailRecord add(MailRecord r) {
                records.add(r);
                return r;
            }

            @Override
            public Optional<MailRecord> byMessageId(String id) {
                return records.stream().filter(r -> r.getMessageId().equals(id)).findFirst();
            }

            @Override
            public Optional<MailRecord> firstWithTicket(Collection<String> ids) {
                return Optional.empty();
            }

            @Override
            public List<MailRecord> thread(long ticketId) {
                return records;
            }
        };
        notifier.templates = new MailTemplates() {
            @Override
            public Optional<MailTemplate> find(TemplateKind kind, String locale) {
                return templates.stream().filter(t -> t.getName().equals(kind.code()) && t.getLocale().equals(locale))
                        .findFirst();
            }

            @Override
            public List<MailTemplate> all() {
                return templates;
            }

            @Override
            public MailTemplate add(MailTemplate t) {
                templates.add(t);
                return t;
            }

            @Override
            public void remove(MailTemplate t) {
                templates.remove(t);
            }
        };
        notifier.outbox = new Outbox() {
            @Override
            public OutboxMail add(OutboxMail m) {
                outbox.add(m);
                return m;
            }

            @Override
            public Optional<OutboxMail> byId(long id) {
                return Optional.empty();
            }

            @Override
            public List<OutboxMail> due(Instant now, int max) {
                return List.of();
            }

            @Override
            public Page<OutboxMail> list(OutboxMail.Status status, PageRequest page) {
                return new Page<>(outbox, outbox.size(), 0, 50);
            }

            @Override
            public long count(OutboxMail.Status status) {
                return outbox.size();
            }

            @Override
            public long countSince(String recipient, String kind, Instant since) {
                return outbox.stream().filter(m -> m.getRecipient().equals(recipient) && m.getKind().equals(kind)
                        && !m.getCreatedAt().isBefore(since)).count();
            }
        };
        notifier.metrics = new MailMetrics() {
            @Override
            public void ackSuppressed() {
                suppressed++;
            }
        };
        notifier.clock = Clock.fixed(T0, ZoneOffset.UTC);
    }

    @Test
    void aNewTicketIsAcknowledgedToTheRequesterInKoreanWithTheKey() {
        notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        assertThat(outbox).singleElement().satisfies(m -> {
            assertThat(m.getRecipient()).isEqualTo("kim@corp.kr");
            assertThat(m.getSubject()).isEqualTo("[REQ-42] 접수되었습니다: 노트북 교체");
            assertThat(m.getBody()).contains("김철수님").contains("REQ-42");
            assertThat(m.getAutoSubmitted()).isEqualTo("auto-replied");
            assertThat(m.getMessageId()).startsWith("beacon.req-42.").endsWith("@beacon.test");
            assertThat(m.getInReplyTo()).isNull();
        });
        assertThat(records).singleElement().satisfies(r -> assertThat(r.getDirection()).isEqualTo(MailRecord.Direction.OUT));
    }

    @Test
    void anEnglishSpeakingRequesterGetsEnglishAndAnAdministratorsTemplateWins() {
        requester.setLocale("en");
        notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        assertThat(outbox.get(0).getSubject()).isEqualTo("[REQ-42] Received: 노트북 교체");
        templates.add(new MailTemplate(TemplateKind.TICKET_OPENED, "en", "Thanks: {{title}}", "Dear {{requester}}",
                "admin", T0));
        notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        assertThat(outbox.get(1).getSubject()).isEqualTo("[REQ-42] Thanks: 노트북 교체"); // the key is always kept
        assertThat(outbox.get(1).getBody()).isEqualTo("Dear 김철수");
    }

    @Test
    void publicAgentCommentsAreMailedThreadedInternalNotesAndTheRequestersOwnAreNot() throws Exception {
        records.add(new MailRecord("orig@corp.kr", MailRecord.Direction.IN, 7L, "opened", "kim@corp.kr", "s", T0));
        records.add(new MailRecord("ack@beacon.test", MailRecord.Direction.OUT, 7L, "queued", "desk", "s", T0));
        comments.add(comment(1L, "agent", "내부 메모", true));
        comments.add(comment(2L, "agent", "새 배터리를 주문했습니다", false));
        comments.add(comment(3L, "kim@corp.kr", "감사합니다", false));
        notifier.onActivity(activity(TicketActivity.Kind.COMMENTED, "agent", List.of(), 1L, true));
        notifier.onActivity(activity(TicketActivity.Kind.COMMENTED, "kim@corp.kr", List.of(), 3L, false));
        assertThat(outbox).isEmpty();
        notifier.onActivity(activity(TicketActivity.Kind.COMMENTED, "agent", List.of(), 2L, false));
        assertThat(outbox).singleElement().satisfies(m -> {
            assertThat(m.getBody()).contains("새 배터리를 주문했습니다").doesNotContain("내부 메모");
            assertThat(m.getSubject()).contains("[REQ-42]");
            assertThat(m.getAutoSubmitted()).isEqualTo("auto-generated");
            assertThat(m.getInReplyTo()).isEqualTo("ack@beacon.test");
            assertThat(m.getReferences()).isEqualTo("<orig@corp.kr> <ack@beacon.test>");
        });
    }

    @Test
    void resolutionIsMailedWithItsNoteOtherChangesAreNot() {
        ticket.moveTo(io.beacon.ticket.domain.TicketStatus.RESOLVED, "배터리 교체 완료", T0);
        notifier.onActivity(activity(TicketActivity.Kind.CHANGED, "agent",
                List.of(new FieldChange("title", "a", "b")), null, false));
        assertThat(outbox).isEmpty();
        notifier.onActivity(activity(TicketActivity.Kind.CHANGED, "agent",
                List.of(new FieldChange("status", "new", "resolved")), null, false));
        assertThat(outbox).singleElement().satisfies(m -> assertThat(m.getBody()).contains("배터리 교체 완료"));
    }

    @Test
    void nothingIsQueuedWithoutSmtpOrForAddressesThatMustNotGetMail() {
        smtpOn = false;
        notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        smtpOn = true;
        requester.setEmail("no-reply@corp.kr");
        notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        assertThat(outbox).isEmpty();
    }

    @Test
    void anAddressGetsOnlySoManyAcknowledgementsPerHour() {
        for (int i = 0; i < 5; i++) {
            notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        }
        assertThat(outbox).hasSize(3);
        assertThat(suppressed).isEqualTo(2);
        notifier.clock = Clock.fixed(T0.plusSeconds(3601), ZoneOffset.UTC);
        notifier.onActivity(activity(TicketActivity.Kind.CREATED, "kim@corp.kr", List.of(), null, false));
        assertThat(outbox).hasSize(4);
    }

    @Test
    void anSlaEscalationGoesToTheGroupsLeadAndMembers() throws Exception {
        User lead = new User("agent", "에이전트", "agent@corp.kr", Set.of(Role.AGENT), "ko", null, T0);
        User member = new User("agent2", "에이전트2", "agent2@corp.kr", Set.of(Role.AGENT), "ko", null, T0);
        setField(lead, "id", 1L);
        setField(member, "id", 2L);
        UserGroup group = new UserGroup("Service Desk", null);
        setField(group, "id", 3L);
        group.setLead(lead);
        group.addMember(lead);
        group.addMember(member);
        ticket.assign(group, null, T0);
        notifier.slaEscalated("REQ-42", "해결 기한 초과");
        assertThat(outbox).extracting(OutboxMail::getRecipient).containsExactly("agent@corp.kr", "agent2@corp.kr");
        assertThat(outbox.get(0).getSubject()).isEqualTo("[REQ-42] SLA 에스컬레이션: 노트북 교체");
        assertThat(outbox.get(0).getBody()).contains("Service Desk").contains("해결 기한 초과");
    }

    private TicketActivity activity(TicketActivity.Kind kind, String actor, List<FieldChange> changes, Long commentId,
            boolean internal) {
        return new TicketActivity(kind, 7L, "REQ-42", "service_request", ticket.getStatus().code(), "P3", actor, T0,
                changes, commentId, internal);
    }

    private static TicketComment comment(long id, String author, String body, boolean internal) throws Exception {
        TicketComment c = new TicketComment(7L, author, body, internal, TicketComment.Channel.WEB, T0);
        setField(c, "id", id);
        return c;
    }

    private static void setField(Object target, String name, Object value) throws Exception {
        Field f = target.getClass().getDeclaredField(name);
        f.setAccessible(true);
        f.set(target, value);
    }
}
