using System.CommandLine;

namespace MLNetScratchTrainer.Examples.Shared;

/// <summary>An example-specific option taking a positive whole number, such as <c>--epochs 5</c>.</summary>
/// <param name="Name">The option as typed, with its leading dashes.</param>
/// <param name="Description">One line for the help text, including the default.</param>
public sealed record IntegerOption(string Name, string Description) : ExampleOption(Name, Description)
{
    /// <inheritdoc/>
    public override Option ToOption()
    {
        var option = new Option<int?>(Name) { Description = Description, HelpName = "N" };
        option.Validators.Add(result =>
        {
            // A token that is not a whole number at all is reported by System.CommandLine's own conversion.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out int value) && value <= 0)
            {
                result.AddError($"The option {Name} needs a positive whole number but got {value}.");
            }
        });
        return option;
    }
}
