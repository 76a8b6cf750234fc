package io.beacon.integrations.mail;

import io.beacon.integrations.camel.InboundRouteConfiguration;
import io.beacon.mail.MailSettings;
import io.beacon.platform.cluster.Duty;
import io.beacon.platform.cluster.Leadership;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.concurrent.ContextService;
import io.beacon.platform.cluster.NodeSettings;
import jakarta.inject.Inject;
import java.util.Properties;
import java.util.logging.Logger;
import org.apache.camel.Processor;
import org.apache.camel.builder.RouteBuilder;

/**
 * Polls the desk's mailbox ({@code BEACON_MAIL_IMAP_URL}) every {@code BEACON_MAIL_POLL_SECONDS}
 * and hands each unread mail to the desk. Without the setting there is no route and no mail.
 * Its error policy is the shared one for sources that redeliver
 * ({@link InboundRouteConfiguration#SOURCE_REDELIVERS}), not the event channels' dead letters: a
 * mail that failed stays unread in the mailbox and is tried again on the next poll, and one that
 * keeps failing while others pass is moved aside by {@link MailIntakeProcessor} (to the failed
 * folder, or {@code mail-failed} for POP3), which is this channel's dead letter. A failure is
 * counted and logged; a failed poll is logged by {@link MailPollFailures}. Among core nodes only
 * the holder of the mail lease polls.
 */
@Dependent
public class MailInboundRoute extends RouteBuilder {
    private static final Logger LOG = Logger.getLogger(MailInboundRoute.class.getName());

    @Inject
    MailSettings settings;

    @Inject
    MailboxSettings mailbox;

    @Inject
    MailIntakeProcessor processor;

    @Inject
    Leadership leadership;

    @Inject
    NodeSettings node;

    /** Camel's poll threads are not the server's: this carries the application's context (JNDI, transactions) onto them. */
    @Resource
    ContextService contexts;

    @Override
    public void configure() {
        if (mailbox.imapUrl().isEmpty()) {
            LOG.info("Mail intake is off (BEACON_MAIL_IMAP_URL is not set)");
            return;
        }
        if (!node.role().storesEvents()) {
            LOG.info("Mail intake is off on a collector (BEACON_NODE_ROLE=collector): core nodes poll mailboxes");
            return;
        }
        MailServerUrl url = MailServerUrl.parse(mailbox.imapUrl().get());
        LOG.info("Mail intake polls " + url + " every " + mailbox.pollSeconds() + " s");
        Processor contextual = contexts.createContextualProxy(processor, Processor.class);
        String uri = url.consumerUri(mailbox.pollSeconds());
        Properties tls = MailTls.properties(url.protocol(), settings.sslTrust().orElse(null));
        getCamelContext().getRegistry().bind("beaconMailProperties", tls);
        getCamelContext().getRegistry().bind("beaconMailPollStrategy", new MailPollFailures(url.toString(),
                () -> leadership.holds(Duty.MAIL)));
        uri += "&additionalJavaMailProperties=#beaconMailProperties&pollStrategy=#beaconMailPollStrategy";
        from(uri).routeId("mail-inbound").routeConfigurationId(InboundRouteConfiguration.SOURCE_REDELIVERS)
                .description("Mails from the desk's mailbox to the desk: new tickets and replies")
                .process(contextual).id("mail-intake");
    }
}
