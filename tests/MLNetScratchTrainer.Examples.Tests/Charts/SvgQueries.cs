using System.Xml.Linq;

namespace MLNetScratchTrainer.Examples.Tests.Charts;

/// <summary>Parses SVG text as XML (which fails on anything malformed) and finds its elements.</summary>
internal static class SvgQueries
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(XElement svg) => XDocument.Parse(svg.ToString());

    public static IReadOnlyList<XElement> Elements(XDocument document, string name) => [.. document.Descendants(Svg + name)];

    public static IReadOnlyList<string> Texts(XDocument document) => [.. Elements(document, "text").Select(t => t.Value)];
}
