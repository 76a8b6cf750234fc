package io.beacon.demo;

import io.beacon.cmdb.domain.ConfigurationItems;
import io.beacon.platform.domain.Actor;
import io.beacon.platform.domain.Role;
import io.beacon.ticket.application.NewTicket;
import io.beacon.ticket.application.TicketChanges;
import io.beacon.ticket.application.TicketService;
import io.beacon.ticket.domain.Ticket;
import io.beacon.ticket.domain.TicketComment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A handful of tickets in every state, on the demo topology, so that a new user sees a working desk. */
@ApplicationScoped
public class DemoTickets {
    private static final Actor AGENT = new Actor("agent", Set.of(Role.AGENT));
    private static final Actor AGENT2 = new Actor("agent2", Set.of(Role.AGENT));
    private static final Actor REQUESTER = new Actor("requester", Set.of(Role.REQUESTER));

    @Inject
    TicketService tickets;

    @Inject
    io.beacon.ticket.application.CannedResponseService canned;

    @Inject
    ConfigurationItems cis;

    void load() {
        Ticket mail = open(AGENT, "incident", "메일서버장애 발생", "오전 9시부터 사내 메일 발송이 되지 않습니다. 수신은 정상입니다.",
                "high", "high", "requester", "mail-01");
        change(AGENT, mail, "Service Desk", "agent", "in_progress", null);
        tickets.comment(AGENT, mail.getKey(), "메일 서버 큐를 확인하고 있습니다. 30분 안에 다시 알려드리겠습니다.", false,
                TicketComment.Channel.WEB);
        tickets.comment(AGENT, mail.getKey(), "SMTP 릴레이 인증서 만료 의심. 네트워크팀 확인 요청함.", true,
                TicketComment.Channel.WEB);

        Ticket core = open(AGENT2, "incident", "Core switch CPU above 90%", "core-sw-01 CPU has been above 90% for 20 minutes.",
                "high", "medium", null, "core-sw-01");
        change(AGENT2, core, "Network Operations", "agent2", "assigned", null);

        Ticket web = open(AGENT, "incident", "웹 서버 응답 지연", "인트라넷 첫 화면이 10초 이상 걸립니다.", "medium", "medium",
                "requester", "web-01");
        change(AGENT, web, "Service Desk", "agent2", "pending", null);

        tickets.open(REQUESTER, new NewTicket("service_request", "새 노트북 요청", "입사자용 노트북 1대가 필요합니다.", null, null,
                "low", List.of(), null, null, null, TicketComment.Channel.WEB));

        Ticket vpn = open(AGENT, "service_request", "VPN access for a contractor", "Contractor starts Monday.", "low", "medium",
                "requester", null);
        change(AGENT, vpn, "Service Desk", "agent", "in_progress", null);
        change(AGENT, vpn, null, null, "resolved", "VPN account created and sent to the contractor's manager.");

        Ticket printer = open(AGENT, "incident", "3층 프린터 용지 걸림", null, "low", "low", "requester", null);
        change(AGENT, printer, "Service Desk", "agent", "in_progress", null);
        change(AGENT, printer, null, null, "resolved", "용지 걸림 제거");
        change(AGENT, printer, null, null, "closed", null);

        // Two canned responses: one for every group that also starts the work, one of the Service Desk that waits
        // for the requester.
        Actor admin = new Actor("admin", Set.of(Role.ADMIN));
        canned.create(admin, new io.beacon.ticket.application.CannedResponseService.Input("접수 확인 / Acknowledged", null,
                "{{requester}}님, 안녕하세요.\n{{key}} 요청을 확인했습니다. 담당자가 바로 살펴보겠습니다.\n담당: {{agent}}",
                "Hello {{requester}},\nwe have received {{key}} and {{agent}} is looking into it now.",
                "in_progress", null));
        canned.create(admin, new io.beacon.ticket.application.CannedResponseService.Input("추가 정보 요청 / More information",
                "Service Desk",
                "{{requester}}님, {{key}} 처리를 위해 추가 정보가 필요합니다.\n대상 장비: {{ci}}\n증상이 처음 나타난 시각과 오류 메시지를 알려 주세요.",
                "Hello {{requester}}, to work on {{key}} we need a little more information.\nAffected: {{ci}}\n"
                        + "When did it start, and which error message do you see?",
                "pending", null));
    }

    private Ticket open(Actor actor, String type, String title, String description, String impact, String urgency,
            String requester, String ciName) {
        List<Long> ciIds = Optional.ofNullable(ciName).flatMap(cis::idByName).map(List::of).orElse(List.of());
        return tickets.open(actor, new NewTicket(type, title, description, null, impact, urgency, ciIds, requester, null,
                null, TicketComment.Channel.WEB));
    }

    private void change(Actor actor, Ticket ticket, String group, String assignee, String status, String resolution) {
        tickets.change(actor, ticket.getKey(), new TicketChanges(null, null, status, resolution, null, null, null,
                group == null ? null : Optional.of(group), assignee == null ? null : Optional.of(assignee), null, null,
                null));
    }
}
