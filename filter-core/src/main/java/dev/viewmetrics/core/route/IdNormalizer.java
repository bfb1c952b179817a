package dev.viewmetrics.core.route;
public final class IdNormalizer {
    private IdNormalizer() {}
    public static String normalize(String path) {
        StringBuilder sb = new StringBuilder();
        for (String s : path.split("/")) { if (s.isEmpty()) continue; sb.append('/').append(s.matches("[0-9]+") ? "{id}" : s.matches("[A-Za-z0-9._~-]+") ? s : "{token}"); }
        return sb.length() == 0 ? "/" : sb.toString();
    }
}
