using FluentValidation;

namespace Nop.Web.Framework.Validators;

public static class RuleBuilderOptionsExtension
{
    // nopCommerce resolves the message when the validator is built
    public static IRuleBuilderOptions<T, TProperty> WithMessageAwait<T, TProperty>(
        this IRuleBuilderOptions<T, TProperty> rule, Task<string> errorMessage) =>
        rule.WithMessage(errorMessage.GetAwaiter().GetResult());
}
