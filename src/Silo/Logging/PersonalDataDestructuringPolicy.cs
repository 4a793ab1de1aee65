using System.Collections;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Runtime.CompilerServices;
using Serilog.Core;
using Serilog.Events;

namespace SoSucKhoe.Silo.Logging;

/// <summary>
/// Destructures (<c>{@Value}</c>) objects so that personal data never enters a log event raw: an object whose type name denotes an
/// identifier (PersonalId, InsuranceCardNumber, IdentityDocumentNumber) becomes its masked text; an object with properties whose
/// names denote personal data (HoTen, SoCccd, MaTheBhyt, DiaChi, DienThoai, Email, ...) becomes a structure with those properties
/// masked. Objects without such properties are left to Serilog's own destructuring (the <see cref="PersonalDataEnricher"/> still masks
/// their strings).
/// </summary>
public sealed class PersonalDataDestructuringPolicy : IDestructuringPolicy
{
    private static readonly ConcurrentDictionary<Type, TypePlan?> Plans = new();

    public bool TryDestructure(object value, ILogEventPropertyValueFactory propertyValueFactory, [NotNullWhen(true)] out LogEventPropertyValue? result)
    {
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(propertyValueFactory);
        var plan = Plans.GetOrAdd(value.GetType(), BuildPlan);
        if (plan is null)
        {
            result = null;
            return false;
        }

        if (plan.TypeKind != PersonalDataKind.None)
        {
            result = new ScalarValue(PersonalDataValues.MaskScalar(plan.TypeKind, value));
            return true;
        }

        var properties = new LogEventProperty[plan.Properties.Length];
        for (var i = 0; i < properties.Length; i++)
        {
            var property = plan.Properties[i];
            var raw = propertyValueFactory.CreatePropertyValue(Read(property.Info, value), destructureObjects: true);
            var masked = property.Kind == PersonalDataKind.None ? raw : PersonalDataValues.MaskByKind(property.Kind, raw);
            properties[i] = new LogEventProperty(property.Info.Name, masked);
        }

        result = new StructureValue(properties, plan.TypeTag);
        return true;
    }

    private static object? Read(PropertyInfo property, object target)
    {
        try
        {
            return property.GetValue(target);
        }
        catch (TargetInvocationException exception)
        {
            return "The property accessor threw " + exception.InnerException?.GetType().Name;
        }
    }

    private static TypePlan? BuildPlan(Type type)
    {
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || typeof(IEnumerable).IsAssignableFrom(type)
            || typeof(Delegate).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type)
            || typeof(Task).IsAssignableFrom(type))
        {
            return null;
        }

        var typeKind = PersonalDataNames.Classify(type.Name);
        if (typeKind != PersonalDataKind.None)
        {
            return new TypePlan(typeKind, null, []);
        }

        var person = PersonalDataNames.IsPersonType(type.Name);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var properties = new List<PlannedProperty>();
        var anyPersonal = false;
        foreach (var info in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!info.CanRead || info.GetMethod is not { IsPublic: true } || info.GetIndexParameters().Length > 0 || !seen.Add(info.Name))
            {
                continue;
            }

            var kind = PersonalDataNames.Classify(info.Name, person);
            anyPersonal |= kind != PersonalDataKind.None;
            properties.Add(new PlannedProperty(info, kind));
        }

        if (!anyPersonal)
        {
            return null;
        }

        var typeTag = type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) ? null : type.Name;
        return new TypePlan(PersonalDataKind.None, typeTag, [.. properties]);
    }

    private sealed record TypePlan(PersonalDataKind TypeKind, string? TypeTag, PlannedProperty[] Properties);

    private sealed record PlannedProperty(PropertyInfo Info, PersonalDataKind Kind);
}
