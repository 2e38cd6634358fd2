using System.Reflection;

namespace UnvReporting.Web.Platform.Configuration;

/// <summary>
/// Says in words what a setting accepts ("a whole number from 0 to 20"), for the message that
/// stops start-up when the setting is wrong. A <see cref="RangeAttribute"/> beside it holds the bounds.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AcceptsAttribute(string words) : Attribute
{
    public string Words { get; } = words;
}

/// <summary>
/// How the app reads its settings: one options type per section, registered with
/// <c>AddOptions&lt;T&gt;().Bind(section).ValidateDataAnnotations().ValidateOnStart()</c>. Start-up
/// also needs some values before the host exists (which database, whether to migrate), so the
/// same section is read and checked at once as well, and a bad setting stops start-up with one
/// line naming it and what it accepts: "Database:MaxRetryCount must be a whole number from 0 to
/// 20 (got 'sometimes')."
/// </summary>
public static class Settings
{
    public static T AddSettings<T>(this WebApplicationBuilder builder, string section)
        where T : class, new()
    {
        var configuration = builder.Configuration.GetSection(section);
        builder.Services.AddOptions<T>().Bind(configuration).ValidateDataAnnotations().ValidateOnStart();
        return Read<T>(configuration);
    }

    /// <summary>For a section nothing at start-up reads before the host exists: checked when the host starts.</summary>
    public static IServiceCollection AddSettings<T>(this IServiceCollection services, string section)
        where T : class
    {
        services.AddOptions<T>().BindConfiguration(section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    /// <summary>The section bound to <typeparamref name="T"/>, its defaults where it is silent; throws, naming the setting, when a value is wrong.</summary>
    public static T Read<T>(IConfigurationSection section)
        where T : class, new()
    {
        foreach (var property in typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            if (section[property.Name] is { Length: > 0 } text && !Parses(Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, text.Trim()))
            {
                throw Refusal(section, property, text);
            }
        }

        var value = section.Get<T>() ?? new T();
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(value, new ValidationContext(value), errors, validateAllProperties: true))
        {
            // A check across settings (IValidatableObject) names no single property: its message names the settings itself.
            var name = errors[0].MemberNames.FirstOrDefault();
            var property = typeof(T).GetProperty(name ?? string.Empty);
            throw property is null
                ? new InvalidOperationException(errors[0].ErrorMessage)
                : Refusal(section, property, Convert.ToString(property.GetValue(value), CultureInfo.InvariantCulture));
        }

        return value;
    }

    // Enums by name only: the binder would also take "1" for the second value.
    private static bool Parses(Type type, string text) =>
        type == typeof(bool) ? bool.TryParse(text, out _)
        : type == typeof(int) ? int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
        : type == typeof(long) ? long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
        : type == typeof(TimeSpan) ? TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out _)
        : !type.IsEnum || Enum.GetNames(type).Any(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));

    private static InvalidOperationException Refusal(IConfigurationSection section, PropertyInfo property, string? text)
    {
        var type = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        var accepts = property.GetCustomAttribute<AcceptsAttribute>()?.Words
            ?? (type == typeof(bool) ? "true or false"
                : type.IsEnum ? string.Join(" or ", Enum.GetNames(type).Select(n => $"'{n}'"))
                : type == typeof(int) || type == typeof(long) ? "a whole number"
                : type == typeof(TimeSpan) ? "a time span such as 00:10:00"
                : "a valid value");
        return new InvalidOperationException($"{section.Path}:{property.Name} must be {accepts} (got '{text}').");
    }
}
