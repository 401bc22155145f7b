using System.Globalization;
using System.Xml.Linq;

namespace MLNetScratchTrainer.Examples.Shared.Charts;

/// <summary>Builds the few SVG elements the charts use, with numbers written in the invariant culture.</summary>
internal static class Svg
{
    public static readonly XNamespace Namespace = "http://www.w3.org/2000/svg";

    public static XElement Document(double width, double height) =>
        new(
            Namespace + "svg",
            new XAttribute("width", Number(width)),
            new XAttribute("height", Number(height)),
            new XAttribute("viewBox", $"0 0 {Number(width)} {Number(height)}"),
            new XAttribute("font-family", "DejaVu Sans, Arial, Helvetica, sans-serif"),
            new XAttribute("font-size", "12"),
            Rect(0, 0, width, height, fill: "white", stroke: null));

    public static XElement Rect(double x, double y, double width, double height, string fill, string? stroke) =>
        new(
            Namespace + "rect",
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("width", Number(width)),
            new XAttribute("height", Number(height)),
            new XAttribute("fill", fill),
            stroke is null ? null : new XAttribute("stroke", stroke));

    public static XElement Line(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, bool dashed = false) =>
        new(
            Namespace + "line",
            new XAttribute("x1", Number(x1)),
            new XAttribute("y1", Number(y1)),
            new XAttribute("x2", Number(x2)),
            new XAttribute("y2", Number(y2)),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", Number(strokeWidth)),
            dashed ? new XAttribute("stroke-dasharray", "6 4") : null);

    public static XElement Text(double x, double y, string content, string anchor = "start", double size = 12, double rotate = 0, string weight = "normal") =>
        new(
            Namespace + "text",
            new XAttribute("x", Number(x)),
            new XAttribute("y", Number(y)),
            new XAttribute("text-anchor", anchor),
            new XAttribute("font-size", Number(size)),
            weight == "normal" ? null : new XAttribute("font-weight", weight),
            rotate == 0 ? null : new XAttribute("transform", $"rotate({Number(rotate)} {Number(x)} {Number(y)})"),
            content);

    public static XElement Polyline(IEnumerable<(double X, double Y)> points, string stroke, double strokeWidth, bool dashed) =>
        new(
            Namespace + "polyline",
            new XAttribute("points", string.Join(" ", points.Select(p => $"{Number(p.X)},{Number(p.Y)}"))),
            new XAttribute("fill", "none"),
            new XAttribute("stroke", stroke),
            new XAttribute("stroke-width", Number(strokeWidth)),
            new XAttribute("stroke-linejoin", "round"),
            dashed ? new XAttribute("stroke-dasharray", "6 4") : null);

    public static XElement Circle(double x, double y, double radius, string fill) =>
        new(
            Namespace + "circle",
            new XAttribute("cx", Number(x)),
            new XAttribute("cy", Number(y)),
            new XAttribute("r", Number(radius)),
            new XAttribute("fill", fill));

    public static string Number(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);

    public static void Save(XElement svg, string path) => new XDocument(new XDeclaration("1.0", "utf-8", null), svg).Save(path);
}
