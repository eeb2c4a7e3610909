package dev.virex.auditor.dashboard;

import dev.virex.auditor.AuditState;
import dev.virex.auditor.MixnodeSeries.PointView;
import dev.virex.auditor.MixnodeSeries.SeriesView;
import java.util.List;

/**
 * Plots of accepted versus rejected messages over time, from the mixnodes' signed enforcement
 * reports (coarsened figures, one point per report interval): the network's total, then one small
 * plot per mixnode. Inline SVG with a title, a description and the data as a table, so that
 * the figures reach people who cannot see the plot.
 */
final class TrafficPlots {
    private TrafficPlots() {}

    static void render(Html h, AuditState.Snapshot s) {
        h.open("section", "id", "traffic", "aria-labelledby", "traffic-h").el("h2", "Messages accepted and rejected", "id", "traffic-h");
        h.el("p", "Every mixnode publishes, per interval, a report of the messages it accepted and rejected (coarsened, so that it says "
                + "little about any one client), signed with its node key. The auditor reads and verifies these reports and compares "
                + "them with the parameters in force.", "class", "lead");
        legend(h);
        if (s.total().isEmpty()) {
            h.el("p", "No enforcement report checked yet.", "class", "empty").close("section");
            return;
        }
        h.open("figure", "class", "plot total");
        chart(h, "plot-total", "All mixnodes", s.total(), 640, 200);
        h.close("figure").open("div", "class", "multiples");
        for (int i = 0; i < s.series().size(); i++) {
            SeriesView v = s.series().get(i);
            h.open("figure", "class", "plot" + (v.problems() ? " bad" : ""), "data-node", v.node());
            chart(h, "plot-" + i, v.node() + (v.problems() ? " (problems found)" : ""), v.points(), 310, 130);
            h.close("figure");
        }
        h.close("div").close("section");
    }

    private static void legend(Html h) {
        h.open("p", "class", "legend", "aria-hidden", "true").el("span", "accepted", "class", "key acc").text(" ")
                .el("span", "rejected", "class", "key rej").close("p");
    }

    static void chart(Html h, String id, String title, List<PointView> points, int width, int height) {
        int left = 46;
        int right = 10;
        int top = 10;
        int bottom = 24;
        double plotW = width - left - right;
        double plotH = height - top - bottom;
        long max = nice(points.stream().mapToLong(p -> Math.max(p.accepted(), p.rejected())).max().orElse(1));
        long first = points.get(0).interval();
        long span = Math.max(1, points.get(points.size() - 1).interval() - first);
        PointView last = points.get(points.size() - 1);
        h.el("figcaption", title, "id", id + "-t");
        h.open("svg", "xmlns", "http://www.w3.org/2000/svg", "viewBox", "0 0 " + width + " " + height, "role", "img",
                "aria-labelledby", id + "-t " + id + "-d", "class", "chart");
        h.el("title", title).el("desc", describe(points), "id", id + "-d");
        for (int k = 0; k <= 2; k++) {
            double y = top + plotH - plotH * k / 2.0;
            h.empty("line", "x1", fmt(left), "x2", fmt(width - right), "y1", fmt(y), "y2", fmt(y), "class", "grid");
            h.el("text", Html.count(max * k / 2), "x", fmt(left - 6), "y", fmt(y + 4), "class", "ylabel");
        }
        h.el("text", clock(points.get(0).end()), "x", fmt(left), "y", fmt(height - 6), "class", "xlabel");
        if (points.size() > 1) {
            h.el("text", clock(last.end()), "x", fmt(width - right), "y", fmt(height - 6), "class", "xlabel end");
        }
        for (boolean acc : new boolean[] {true, false}) {
            StringBuilder line = new StringBuilder();
            for (PointView p : points) {
                line.append(fmt(x(p, first, span, left, plotW, points.size()))).append(',')
                        .append(fmt(top + plotH - plotH * (acc ? p.accepted() : p.rejected()) / max)).append(' ');
            }
            h.empty("polyline", "points", line.toString().strip(), "class", "series " + (acc ? "acc" : "rej"));
        }
        for (PointView p : points) {
            double x = x(p, first, span, left, plotW, points.size());
            for (boolean acc : new boolean[] {true, false}) {
                long v = acc ? p.accepted() : p.rejected();
                h.open("circle", "cx", fmt(x), "cy", fmt(top + plotH - plotH * v / max), "r", "3", "class", "pt " + (acc ? "acc" : "rej"))
                        .el("title", "interval " + p.interval() + " ending " + clock(p.end()) + ": " + Html.count(v) + (acc ? " accepted" : " rejected"))
                        .close("circle");
            }
        }
        h.close("svg");
        table(h, points);
    }

    private static double x(PointView p, long first, long span, int left, double plotW, int n) {
        return n == 1 ? left + plotW / 2 : left + plotW * (p.interval() - first) / span;
    }

    private static String describe(List<PointView> points) {
        PointView last = points.get(points.size() - 1);
        long acc = points.stream().mapToLong(PointView::accepted).sum();
        long rej = points.stream().mapToLong(PointView::rejected).sum();
        return points.size() + " report intervals from " + clock(points.get(0).end()) + " to " + clock(last.end()) + " UTC. Latest: "
                + Html.count(last.accepted()) + " accepted, " + Html.count(last.rejected()) + " rejected. In all: " + Html.count(acc)
                + " accepted, " + Html.count(rej) + " rejected.";
    }

    private static void table(Html h, List<PointView> points) {
        h.open("details").el("summary", "Figures as a table").open("table", "class", "data").el("caption", "Per report interval")
                .open("thead").open("tr").el("th", "Interval ending (UTC)", "scope", "col").el("th", "Accepted", "scope", "col")
                .el("th", "Rejected", "scope", "col").close("tr").close("thead").open("tbody");
        for (int i = points.size() - 1; i >= 0; i--) {
            PointView p = points.get(i);
            h.open("tr").open("td").time(p.end()).close("td").el("td", Html.count(p.accepted()), "class", "num")
                    .el("td", Html.count(p.rejected()), "class", "num").close("tr");
        }
        h.close("tbody").close("table").close("details");
    }

    /**
     * The axis maximum for {@code v}: the smallest of 2, 4, 6, 8, 10 times a power of ten that is
     * at least {@code v} (so at least 2), and even, so that the middle grid line is a whole number.
     */
    static long nice(long v) {
        long unit = 1;
        while (true) {
            for (long m : new long[] {2, 4, 6, 8, 10}) {
                if (m * unit >= v) {
                    return m * unit;
                }
            }
            if (unit > Long.MAX_VALUE / 100) {
                return v;
            }
            unit *= 10;
        }
    }

    private static String clock(String iso) {
        return iso != null && iso.length() == 20 ? iso.substring(11, 19) : String.valueOf(iso);
    }

    /** One decimal, without String.format (thousands of coordinates per page). */
    static String fmt(double v) {
        long tenths = Math.round(v * 10);
        long abs = Math.abs(tenths);
        return (tenths < 0 ? "-" : "") + abs / 10 + "." + abs % 10;
    }
}
