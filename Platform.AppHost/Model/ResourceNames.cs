namespace Platform.AppHost.Model;

internal static class ResourceNames
{
    /// <summary>Lower-case letters, digits and '-', starting with a letter: safe in configuration names, file names and table cells.</summary>
    public static bool IsValid(string name) =>
        name.Length is > 0 and <= 40 && char.IsAsciiLetterLower(name[0]) && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');
}
