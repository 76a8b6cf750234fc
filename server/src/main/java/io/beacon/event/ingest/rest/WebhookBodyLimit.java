package io.beacon.event.ingest.rest;

import io.beacon.event.EventSettings;
import io.beacon.platform.web.SelfLimitedRoute;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The webhooks read at most their limit ({@code beacon.events.webhook.max.bytes}) and answer 413 themselves, counted in /metrics. */
@ApplicationScoped
public class WebhookBodyLimit implements SelfLimitedRoute {
    @Inject
    EventSettings settings;

    @Override
    public String pathPrefix() {
        return "/api/events/";
    }

    @Override
    public String routeClass() {
        return "a webhook";
    }

    @Override
    public long maxBytes() {
        return settings.webhookMaxBytes();
    }
}
