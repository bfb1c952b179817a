package dev.viewmetrics.stats;

/**
 * The style of the sparklines and charts (part of the page's one hashed style) and the script of the detail view's
 * read-out, hashed into the Content-Security-Policy beside the sorting script ({@link PageAssets}). The script only
 * moves a guide line and copies the text of a bucket's read-out (already escaped, in the page) into view: moving
 * the pointer over a chart, or tapping it, shows that bucket of every chart of the section; at load it shows the
 * newest bucket with events.
 */
final class ChartAssets {

    static final String STYLE = String.join("",
            ":root{--c0:#2f6fde;--c1:#d9622b;--c2:#8e44ad;--c3:#c62828}",
            "@media (prefers-color-scheme:dark){:root{--c0:#6ea1ff;--c1:#ff9a5c;--c2:#c9a0dc;--c3:#ff6b6b}}",
            ".spark a{display:block;line-height:0}.spark svg{display:block}",
            ".spark path,path.line{fill:none;stroke-width:1.5;stroke-linecap:round;stroke-linejoin:round}",
            "path.line{stroke-width:2}",
            ".spark .r,.c0{stroke:var(--c0)}.spark .t,.c1{stroke:var(--c1)}.c2{stroke:var(--c2)}.c3{stroke:var(--c3)}",
            "i.c0{background:var(--c0)}i.c1{background:var(--c1)}i.c2{background:var(--c2)}i.c3{background:var(--c3)}",
            "circle.c0{fill:var(--c0)}circle.c1{fill:var(--c1)}circle.c2{fill:var(--c2)}circle.c3{fill:var(--c3)}",
            ".spark .b{stroke:var(--line)}",
            ".key{white-space:nowrap;color:var(--mute);font-size:.8rem;font-weight:400;margin-left:8px}",
            ".key i{display:inline-block;width:12px;height:3px;vertical-align:middle;margin-right:4px}",
            ".charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,420px),1fr));gap:12px}",
            "figure.chart{margin:0;border:1px solid var(--line);border-radius:6px;padding:6px 8px}",
            "figcaption{font-size:.9rem;font-weight:600}",
            "svg.chart{display:block;width:100%;height:auto;touch-action:pan-y}",
            ".grid line{stroke:var(--line)}.axis text{fill:var(--mute);font-size:11px}.axis line{stroke:var(--mute)}",
            ".guide{stroke:var(--fg);stroke-dasharray:3 3}",
            ".readout{position:sticky;top:0;z-index:1;background:var(--bg);min-height:1.4em;margin:4px 0 8px;",
            "padding:2px 0;font-variant-numeric:tabular-nums;overflow-wrap:anywhere}",
            "@media (max-width:600px){.spark svg{width:80px}}");

    static final String SCRIPT = String.join("",
            "(function(){",
            "function num(e,a){return parseFloat(e.getAttribute(a));}",
            "Array.prototype.forEach.call(document.querySelectorAll('section.history'),function(s){",
            "var out=s.querySelector('.readout');var items=s.querySelectorAll('.readings li');",
            "var charts=s.querySelectorAll('svg.chart');",
            "function show(i){if(!(i>=0&&i<items.length)){return;}out.textContent=items[i].textContent;",
            "s.setAttribute('data-at',i);",
            "Array.prototype.forEach.call(charts,function(c){var g=c.querySelector('line.guide');",
            "var x=num(c,'data-x0')+(i+0.5)*num(c,'data-w')/num(c,'data-n');",
            "g.setAttribute('x1',x);g.setAttribute('x2',x);g.setAttribute('visibility','visible');});}",
            "function at(c,e){var r=c.getBoundingClientRect();if(!r.width){return -1;}",
            "var x=(e.clientX-r.left)*c.viewBox.baseVal.width/r.width;var n=num(c,'data-n');",
            "return Math.max(0,Math.min(n-1,Math.floor((x-num(c,'data-x0'))*n/num(c,'data-w'))));}",
            "Array.prototype.forEach.call(charts,function(c){",
            "c.addEventListener('pointermove',function(e){show(at(c,e));});",
            "c.addEventListener('pointerdown',function(e){show(at(c,e));});});",
            "show(num(s,'data-last'));",
            "});",
            "})();");

    private ChartAssets() {
    }
}
