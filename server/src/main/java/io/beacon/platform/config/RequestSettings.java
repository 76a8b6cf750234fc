package io.beacon.platform.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** How much a request body may carry before Beacon refuses it (413), by the kind of route. */
@ApplicationScoped
public class RequestSettings {

    @Inject
    @ConfigProperty(name = "beacon.http.body.max.bytes", defaultValue = "1048576")
    long bodyMaxBytes;

    @Inject
    @ConfigProperty(name = "beacon.http.json.max.depth", defaultValue = "32")
    int jsonMaxDepth;

    @Inject
    @ConfigProperty(name = "beacon.cmdb.import.max.bytes", defaultValue = "52428800")
    long importMaxBytes;

    /** Any body but imports, attachments and webhooks: sign-in and the API's JSON. */
    public long bodyMaxBytes() {
        return bodyMaxBytes;
    }

    /** How deep arrays and objects may nest in a JSON body. */
    public int jsonMaxDepth() {
        return jsonMaxDepth;
    }

    /** A CMDB import (CSV or JSON). */
    public long importMaxBytes() {
        return importMaxBytes;
    }
}
