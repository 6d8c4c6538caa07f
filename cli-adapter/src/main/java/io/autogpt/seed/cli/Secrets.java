package io.autogpt.seed.cli;

/** Masks secrets in text about to be printed: URL passwords and password parameters. */
final class Secrets {
    private Secrets() {
    }

    static String mask(String text) {
        String out = text.replaceAll("(://[^:/@?#\\s']*):[^@/?#\\s']*@", "$1:***@");
        return out.replaceAll("(?i)(password=)[^&\\s']*", "$1***");
    }
}
