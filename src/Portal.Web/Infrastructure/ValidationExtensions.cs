using FluentValidation.Results;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Portal.Web.Infrastructure;

public static class ValidationExtensions
{
    /// <summary>Replaces model binding's state with the validator's verdict, field by field, so each message shows next to its field.</summary>
    public static void ReplaceWith(this ModelStateDictionary modelState, ValidationResult validation)
    {
        modelState.Clear();
        foreach (var error in validation.Errors)
        {
            modelState.AddModelError(error.PropertyName, error.ErrorMessage);
        }
    }
}
