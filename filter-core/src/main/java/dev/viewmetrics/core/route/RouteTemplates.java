package dev.viewmetrics.core.route;
import java.util.*;
public final class RouteTemplates {
    private final List<String> t;
    private RouteTemplates(List<String> t) { this.t = t; }
    public static RouteTemplates of(Collection<String> templates) { return new RouteTemplates(new ArrayList<>(templates)); }
    public static RouteTemplates parse(String s) { List<String> l = new ArrayList<>(); if (s != null) for (String x : s.split(",")) if (!x.isBlank()) l.add(x.trim()); return of(l); }
    public String match(String path) {
        String[] p = path.replaceAll("/+$", "").split("/");
        for (String tpl : t) { String[] q = tpl.split("/"); if (q.length == p.length || (q.length > 0 && q[q.length-1].equals("**"))) { boolean ok = true; for (int i = 0; i < q.length && i < p.length; i++) { if (q[i].equals("**")) break; if (!(q[i].startsWith("{") || q[i].equals("*") || q[i].equals(p[i]))) { ok = false; break; } } if (ok) return tpl; } }
        return null;
    }
    public boolean isEmpty() { return t.isEmpty(); }
    public int size() { return t.size(); }
}
