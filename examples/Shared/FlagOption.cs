using System.CommandLine;

namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>An example-specific switch without a value, such as <c>--overhead</c>.</summary>
/// <param name="Name">The option as typed, with its leading dashes.</param>
/// <param name="Description">One line for the help text.</param>
public sealed record FlagOption(string Name, string Description) : ExampleOption(Name, Description)
{
    /// <inheritdoc/>
    public override Option ToOption() => new Option<bool>(Name) { Description = Description };
}
