using Spectre.Console;

namespace MLNetScratchTrainer.Examples.Shared.Reporting;

/// <summary>A Spectre.Console console that writes plain text (no colours, no escape codes, no live redraws) to a writer.</summary>
public static class PlainConsole
{
    /// <summary>Creates a console writing to <paramref name="writer"/>, <paramref name="width"/> characters wide.</summary>
    public static IAnsiConsole Create(TextWriter writer, int width)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        return console;
    }
}
