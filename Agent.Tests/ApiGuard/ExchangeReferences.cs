using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ExchangeSpfAgent.Tests.ApiGuard;

/// <summary>
/// The Exchange types and members an assembly uses, read from its type and member references.
/// </summary>
public static class ExchangeReferences
{
    public static IReadOnlyCollection<string> Read(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TypeReferenceHandle handle in reader.TypeReferences)
        {
            if (IsExchange(reader, handle))
            {
                found.Add(SignatureFormatter.FullName(reader, handle));
            }
        }

        foreach (MemberReferenceHandle handle in reader.MemberReferences)
        {
            MemberReference member = reader.GetMemberReference(handle);
            string? parent = ExchangeParent(reader, member.Parent);
            if (parent is null)
            {
                continue;
            }

            string name = reader.GetString(member.Name);
            found.Add(member.GetKind() == MemberReferenceKind.Method
                ? SignatureFormatter.Member(parent, name, member.DecodeMethodSignature(SignatureFormatter.Instance, null))
                : SignatureFormatter.Field(parent, name, member.DecodeFieldSignature(SignatureFormatter.Instance, null)));
        }

        return found;
    }

    private static string? ExchangeParent(MetadataReader reader, EntityHandle parent)
    {
        switch (parent.Kind)
        {
            case HandleKind.TypeReference:
                var reference = (TypeReferenceHandle)parent;
                return IsExchange(reader, reference) ? SignatureFormatter.FullName(reader, reference) : null;
            case HandleKind.TypeSpecification:
                BlobReader blob = reader.GetBlobReader(reader.GetTypeSpecification((TypeSpecificationHandle)parent).Signature);
                if (blob.ReadSignatureTypeCode() != SignatureTypeCode.GenericTypeInstance)
                {
                    return null;
                }

                blob.ReadSignatureTypeCode();
                EntityHandle generic = blob.ReadTypeHandle();
                return generic.Kind == HandleKind.TypeReference && IsExchange(reader, (TypeReferenceHandle)generic)
                    ? SignatureFormatter.FullName(reader, (TypeReferenceHandle)generic)
                    : null;
            default:
                return null;
        }
    }

    private static bool IsExchange(MetadataReader reader, TypeReferenceHandle handle)
    {
        TypeReference type = reader.GetTypeReference(handle);
        EntityHandle scope = type.ResolutionScope;
        while (scope.Kind == HandleKind.TypeReference)
        {
            scope = reader.GetTypeReference((TypeReferenceHandle)scope).ResolutionScope;
        }

        if (scope.Kind != HandleKind.AssemblyReference)
        {
            return false;
        }

        string assembly = reader.GetString(reader.GetAssemblyReference((AssemblyReferenceHandle)scope).Name);
        return assembly.StartsWith("Microsoft.Exchange.", StringComparison.Ordinal);
    }
}
