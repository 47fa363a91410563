package ai.spice.secrets.benchmarks.report;

import java.util.List;
import java.util.Locale;

/** Horizontal bar charts in plain SVG, stacked in one image; every number drawn comes from the bars given. */
final class SvgChart {

    static final String SDK = "#1f6fb4";
    static final String FLOOR = "#8c8c8c";
    static final String PEER = "#e8772e";
    static final String DIAGNOSTIC = "#b9b9b9";
    static final String IDEAL = "#3a9a4a";

    private static final int WIDTH = 940;
    private static final int LABEL = 300;
    private static final int PLOT = 500;
    private static final int BAR = 16;
    private static final int GAP = 5;

    /**
     * One bar.
     *
     * @param low  the left end of a whisker, or NaN for none
     * @param high the right end of a whisker, or NaN for none
     */
    record Bar(String label, double value, String text, String color, double low, double high) {
        Bar(String label, double value, String text, String color) {
            this(label, value, text, color, Double.NaN, Double.NaN);
        }
    }

    /** A vertical line across a panel, e.g. the floor at 1.0 or a goal. */
    record Marker(double value, String label, String color) {
    }

    record Panel(String title, List<Bar> bars, List<Marker> markers) {
    }

    private SvgChart() {
    }

    static String render(String title, String subtitle, List<Panel> panels) {
        StringBuilder body = new StringBuilder();
        int y = 58;
        for (Panel panel : panels) {
            y = panel(body, panel, y) + 22;
        }
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(WIDTH).append("\" height=\"").append(y)
                .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(y).append("\" font-family=\"Helvetica, Arial, sans-serif\">\n");
        svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        text(svg, 16, 26, 18, "bold", "start", "#222", title);
        text(svg, 16, 46, 12, "normal", "start", "#555", subtitle);
        svg.append(body);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static int panel(StringBuilder svg, Panel panel, int top) {
        text(svg, 16, top + 14, 14, "bold", "start", "#222", panel.title());
        int y = top + 24;
        double max = 0;
        for (Bar bar : panel.bars()) {
            max = Math.max(max, Double.isNaN(bar.high()) ? bar.value() : bar.high());
        }
        for (Marker marker : panel.markers()) {
            max = Math.max(max, marker.value());
        }
        max = max <= 0 ? 1 : max * 1.08;
        int height = panel.bars().size() * (BAR + GAP);
        for (Bar bar : panel.bars()) {
            double width = PLOT * bar.value() / max;
            text(svg, LABEL - 8, y + BAR - 4, 12, "normal", "end", "#333", bar.label());
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
                    LABEL, y, width, BAR, bar.color()));
            if (!Double.isNaN(bar.low())) {
                double x1 = LABEL + PLOT * bar.low() / max;
                double x2 = LABEL + PLOT * bar.high() / max;
                int mid = y + BAR / 2;
                svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %dH%.1fM%.1f %dV%dM%.1f %dV%d\" stroke=\"#222\" stroke-width=\"1.2\"/>\n",
                        x1, mid, x2, x1, y + 3, y + BAR - 3, x2, y + 3, y + BAR - 3));
                width = PLOT * bar.high() / max;
            }
            text(svg, (int) (LABEL + width + 6), y + BAR - 4, 11, "normal", "start", "#222", bar.text());
            y += BAR + GAP;
        }
        int line = 0;
        for (Marker marker : panel.markers()) {
            double x = LABEL + PLOT * marker.value() / max;
            // Each marker's label on a line of its own, so that two close markers do not write over each other.
            int labelY = top + 24 + height + 11 + 11 * line++;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"1.5\" stroke-dasharray=\"5,3\"/>\n",
                    x, top + 20, x, labelY - 9, marker.color()));
            text(svg, (int) x + 3, labelY, 10, "normal", "start", marker.color(), marker.label());
        }
        return top + 24 + height + 12 + 11 * Math.max(0, line - 1);
    }

    private static void text(StringBuilder svg, int x, int y, int size, String weight, String anchor, String color, String text) {
        svg.append("<text x=\"").append(x).append("\" y=\"").append(y).append("\" font-size=\"").append(size)
                .append("\" font-weight=\"").append(weight).append("\" text-anchor=\"").append(anchor)
                .append("\" fill=\"").append(color).append("\">").append(escape(text)).append("</text>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
