using System.CommandLine;

namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>An option an example declares beyond the common ones: a whole number (<see cref="IntegerOption"/>) or a switch (<see cref="FlagOption"/>).</summary>
/// <param name="Name">The option as typed, with its leading dashes.</param>
/// <param name="Description">One line for the help text, including the default.</param>
public abstract record ExampleOption(string Name, string Description)
{
    /// <summary>The System.CommandLine option that parses it.</summary>
    public abstract Option ToOption();
}
