namespace Platform.Domain;

/// <summary>Collects every field violation of a request, so a caller learns all of them at once.</summary>
public sealed class Validation
{
    private readonly List<FieldViolation> _violations = [];

    public bool IsValid => _violations.Count == 0;

    public IReadOnlyList<FieldViolation> Violations => _violations;

    public Validation Add(string field, string description)
    {
        _violations.Add(new FieldViolation(field, description));
        return this;
    }

    public Validation When(bool invalid, string field, string description) =>
        invalid ? Add(field, description) : this;

    /// <summary>Throws <see cref="ValidationException"/> when anything was collected.</summary>
    public void ThrowIfInvalid()
    {
        if (!IsValid) throw new ValidationException(_violations.ToArray());
    }
}
