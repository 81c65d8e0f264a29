package org.advocacyhub.application.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The build's version, shown on every report's Summary sheet (issue 11): Maven's project version, filtered into a resource. */
public final class SoftwareVersion {

    public static final String VALUE = read();

    private SoftwareVersion() {
    }

    private static String read() {
        try (InputStream in = SoftwareVersion.class.getResourceAsStream("/advocacy-hub-version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "development");
            return version.startsWith("${") ? "development" : "Advocacy Hub " + version;
        } catch (IOException e) {
            return "development";
        }
    }
}
