using Portal.Domain.Common;

namespace Portal.Domain.Dossiers.Rules;

/// <summary>Refusing, stopping or asking for more documents must tell the citizen why.</summary>
public sealed class ReasonMustBeGivenRule(string? reason) : IBusinessRule
{
    public string Code => "dossier.reason.required";

    public string Message => "A reason is required for this action.";

    public bool IsBroken() => string.IsNullOrWhiteSpace(reason) || reason.Length > DossierTransition.ReasonMaxLength;
}
