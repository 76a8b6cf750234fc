package io.beacon.platform.startup;

/** Loads the demo data set; the implementation lives with the demo data. */
public interface DemoDataLoader {
    void load();
}
