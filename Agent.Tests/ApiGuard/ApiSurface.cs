using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ExchangeSpfAgent.Tests.ApiGuard;

/// <summary>
/// The public and protected surface of an assembly as sorted text lines: one line per visible
/// type and one per visible method or field, with its signature and modifiers.
/// </summary>
public static class ApiSurface
{
    public static IReadOnlyList<string> Read(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var types = new SortedDictionary<string, List<string>>(System.StringComparer.Ordinal);
        foreach (TypeDefinitionHandle handle in reader.TypeDefinitions)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            if (!IsVisible(reader, type))
            {
                continue;
            }

            string name = SignatureFormatter.FullName(reader, handle);
            var lines = new List<string>();
            types[name + Modifiers(type.Attributes) + BaseType(reader, type)] = lines;
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = reader.GetMethodDefinition(methodHandle);
                if (IsVisible(method.Attributes & MethodAttributes.MemberAccessMask))
                {
                    MethodSignature<string> signature = method.DecodeSignature(SignatureFormatter.Instance, null);
                    lines.Add("  " + SignatureFormatter.Member(name, reader.GetString(method.Name), signature)
                        + Modifiers(method.Attributes));
                }
            }

            foreach (FieldDefinitionHandle fieldHandle in type.GetFields())
            {
                FieldDefinition field = reader.GetFieldDefinition(fieldHandle);
                if (IsVisible((MethodAttributes)(int)(field.Attributes & FieldAttributes.FieldAccessMask)))
                {
                    string fieldType = field.DecodeSignature(SignatureFormatter.Instance, null);
                    lines.Add("  " + SignatureFormatter.Field(name, reader.GetString(field.Name), fieldType)
                        + ((field.Attributes & FieldAttributes.Static) != 0 ? " [static]" : string.Empty)
                        + ConstantValue(reader, field));
                }
            }
        }

        return types.SelectMany(t => new[] { "type " + t.Key }.Concat(t.Value.OrderBy(l => l, System.StringComparer.Ordinal)))
            .ToList();
    }

    /// <summary>The lookup keys of a surface: type names and member signatures, without modifiers.</summary>
    public static HashSet<string> Keys(IEnumerable<string> surface) =>
        new(surface.Select(line =>
        {
            string text = line.Trim();
            text = text.StartsWith("type ", System.StringComparison.Ordinal) ? text.Substring(5) : text;
            int modifiers = text.IndexOf(" [", System.StringComparison.Ordinal);
            text = modifiers < 0 ? text : text.Substring(0, modifiers);
            int baseType = text.IndexOf(" : ", System.StringComparison.Ordinal);
            return text.Contains("::") || baseType < 0 ? text : text.Substring(0, baseType);
        }));

    // Enum and const values are compiled into the agent, so they belong to the contract too.
    private static string ConstantValue(MetadataReader reader, FieldDefinition field)
    {
        if (field.GetDefaultValue().IsNil)
        {
            return string.Empty;
        }

        Constant constant = reader.GetConstant(field.GetDefaultValue());
        BlobReader value = reader.GetBlobReader(constant.Value);
        object? literal = constant.TypeCode switch
        {
            ConstantTypeCode.Int32 => value.ReadInt32(),
            ConstantTypeCode.Int64 => value.ReadInt64(),
            ConstantTypeCode.String => value.ReadUTF16(value.Length),
            _ => "0x" + System.BitConverter.ToString(value.ReadBytes(value.Length)).Replace("-", string.Empty),
        };
        return " = " + System.Convert.ToString(literal, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool IsVisible(MetadataReader reader, TypeDefinition type)
    {
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (visibility == TypeAttributes.Public)
        {
            return true;
        }

        bool nestedVisible = visibility is TypeAttributes.NestedPublic or TypeAttributes.NestedFamily
            or TypeAttributes.NestedFamORAssem;
        return nestedVisible && IsVisible(reader, reader.GetTypeDefinition(type.GetDeclaringType()));
    }

    private static bool IsVisible(MethodAttributes access) =>
        access is MethodAttributes.Public or MethodAttributes.Family or MethodAttributes.FamORAssem;

    private static string BaseType(MetadataReader reader, TypeDefinition type)
    {
        if (type.BaseType.IsNil)
        {
            return string.Empty;
        }

        string name = type.BaseType.Kind switch
        {
            HandleKind.TypeReference => SignatureFormatter.FullName(reader, (TypeReferenceHandle)type.BaseType),
            HandleKind.TypeDefinition => SignatureFormatter.FullName(reader, (TypeDefinitionHandle)type.BaseType),
            _ => reader.GetTypeSpecification((TypeSpecificationHandle)type.BaseType)
                .DecodeSignature(SignatureFormatter.Instance, null),
        };
        return " : " + name;
    }

    private static string Modifiers(TypeAttributes attributes)
    {
        var words = new List<string>();
        if ((attributes & TypeAttributes.Interface) != 0)
        {
            words.Add("interface");
        }

        if ((attributes & TypeAttributes.Abstract) != 0)
        {
            words.Add("abstract");
        }

        if ((attributes & TypeAttributes.Sealed) != 0)
        {
            words.Add("sealed");
        }

        return words.Count == 0 ? string.Empty : " [" + string.Join(" ", words) + "]";
    }

    private static string Modifiers(MethodAttributes attributes)
    {
        var words = new List<string>
        {
            (attributes & MethodAttributes.MemberAccessMask) switch
            {
                MethodAttributes.Public => "public",
                MethodAttributes.Family => "protected",
                _ => "protected internal",
            },
        };
        if ((attributes & MethodAttributes.Static) != 0)
        {
            words.Add("static");
        }

        if ((attributes & MethodAttributes.Abstract) != 0)
        {
            words.Add("abstract");
        }
        else if ((attributes & MethodAttributes.Virtual) != 0)
        {
            words.Add((attributes & MethodAttributes.Final) != 0 ? "sealed" : "virtual");
        }

        return " [" + string.Join(" ", words) + "]";
    }
}
