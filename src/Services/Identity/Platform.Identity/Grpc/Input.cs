using System.Net.Mail;
using Platform.Domain;

namespace Platform.Identity.Grpc;

/// <summary>Identity's own field checks (ids and pages: Platform.Domain); field names are the proto's.</summary>
public static class Input
{
    public const int MaxNameLength = 100;

    public static string Name(Validation v, string field, string? value)
    {
        var name = (value ?? "").Trim();
        v.When(name.Length == 0, field, "Must not be empty.")
         .When(name.Length > MaxNameLength, field, $"Must be at most {MaxNameLength} characters.");
        return name;
    }

    /// <summary>A user id is a token subject: any non-empty string of reasonable length.</summary>
    public static string UserId(Validation v, string field, string? value)
    {
        var id = value ?? "";
        v.When(id.Length == 0, field, "Must not be empty.").When(id.Length > 255 || id.Any(char.IsWhiteSpace), field, "Is not a user id.");
        return id;
    }

    public static string Email(Validation v, string field, string? value)
    {
        var email = (value ?? "").Trim();
        var valid = email.Length is > 0 and <= 254 && MailAddress.TryCreate(email, out var address) && address.Address == email &&
                    address.Host.Contains('.') && !address.Host.EndsWith('.');
        v.When(!valid, field, "Must be an email address.");
        return email.ToLowerInvariant();
    }
}
