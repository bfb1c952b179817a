package dev.viewmetrics.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The stats page's inline style and sorting script, and the Content-Security-Policy that lets exactly these run
 * (by their SHA-256 hashes, with the detail view's chart script of {@link ChartAssets}) and nothing else: an
 * escaping mistake could not execute injected markup.
 */
final class PageAssets {

    static final String STYLE = String.join("",
            ":root{color-scheme:light dark;--bg:#fff;--fg:#1b1f24;--mute:#5f6b7a;--line:#d8dde3;--head:#f1f4f8;",
            "--hi:#fff6cc}",
            "@media (prefers-color-scheme:dark){:root{--bg:#15181c;--fg:#e6e8eb;--mute:#9aa3ad;--line:#2c3138;",
            "--head:#1f2329;--hi:#3a3520}}",
            "*{box-sizing:border-box}",
            "body{margin:0;padding:12px;font:14px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;",
            "background:var(--bg);color:var(--fg)}",
            "h1{font-size:1.25rem;margin:0 0 2px}",
            "h2{font-size:1.05rem;margin:22px 0 2px;overflow-wrap:anywhere}",
            "h2 small{font-weight:400;color:var(--mute)}",
            ".meta,.tags,footer{color:var(--mute);font-size:.85rem;margin:0 0 6px;overflow-wrap:anywhere}",
            ".error{color:#b00020;font-weight:600}",
            "a{color:inherit}",
            "form{display:flex;gap:6px;margin:8px 0;max-width:640px}",
            "input{flex:1;min-width:0;font:inherit;padding:6px 8px;border:1px solid var(--line);border-radius:6px;",
            "background:var(--bg);color:var(--fg)}",
            "button{font:inherit;padding:6px 12px;border:1px solid var(--line);border-radius:6px;",
            "background:var(--head);color:var(--fg)}",
            ".scroll{overflow-x:auto;border:1px solid var(--line);border-radius:6px}",
            "table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}",
            "th,td{padding:4px 8px;border-bottom:1px solid var(--line);white-space:nowrap;text-align:left}",
            "tbody tr:last-child td{border-bottom:0}",
            "th{background:var(--head);font-weight:600}",
            "thead tr:first-child th{font-weight:400;color:var(--mute);font-size:.8rem}",
            "thead tr:last-child th{cursor:pointer;user-select:none}",
            "th[aria-sort=ascending]::after{content:' \\25B2'}th[aria-sort=descending]::after{content:' \\25BC'}",
            ".n{text-align:right}",
            "tbody td:first-child{position:sticky;left:0;background:var(--bg)}",
            "tbody tr:hover td{background:var(--hi)}",
            ".g{border-left:1px solid var(--line)}.g:first-child{border-left:0}",
            "@media (max-width:600px){body{padding:8px;font-size:13px}th,td{padding:3px 6px}",
            "tbody td:first-child{white-space:normal;overflow-wrap:anywhere;min-width:38vw;max-width:38vw}}",
            ChartAssets.STYLE);

    static final String SCRIPT = String.join("",
            "(function(){",
            "function val(td,num){var v=td.getAttribute('data-v');",
            "if(num){var n=parseFloat(v);return isNaN(n)?-Infinity:n;}return v===null?td.textContent:v;}",
            "function sort(t,i,desc){var head=t.tHead.rows[t.tHead.rows.length-1];var th=head.cells[i];",
            "var num=th.classList.contains('n');var body=t.tBodies[0];var rows=Array.prototype.slice.call(body.rows);",
            "rows.sort(function(a,b){var x=val(a.cells[i],num),y=val(b.cells[i],num);",
            "var c=x<y?-1:x>y?1:0;return desc?-c:c;});",
            "rows.forEach(function(r){body.appendChild(r);});",
            "Array.prototype.forEach.call(head.cells,function(h){h.removeAttribute('aria-sort');});",
            "th.setAttribute('aria-sort',desc?'descending':'ascending');}",
            "var tables=document.querySelectorAll('table.stats');",
            "Array.prototype.forEach.call(tables,function(t){var head=t.tHead.rows[t.tHead.rows.length-1];",
            "Array.prototype.forEach.call(head.cells,function(th,i){th.tabIndex=0;",
            "function go(){sort(t,i,th.getAttribute('aria-sort')==='ascending'||",
            "(!th.hasAttribute('aria-sort')&&th.classList.contains('n')));}",
            "th.addEventListener('click',go);",
            "th.addEventListener('keydown',function(e){if(e.key==='Enter'||e.key===' '){e.preventDefault();go();}});",
            "});});",
            "var m=/^#sort=([A-Za-z0-9_.]+?)(-desc)?$/.exec(location.hash);",
            "if(m){Array.prototype.forEach.call(tables,function(t){var head=t.tHead.rows[t.tHead.rows.length-1];",
            "Array.prototype.forEach.call(head.cells,function(th,i){",
            "if(th.getAttribute('data-key')===m[1]){sort(t,i,!!m[2]);}});});}",
            "})();");

    /** Allows nothing but this page's own style and script. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; script-src '" + sha256(SCRIPT) + "' '" + sha256(ChartAssets.SCRIPT) + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    private PageAssets() {
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
