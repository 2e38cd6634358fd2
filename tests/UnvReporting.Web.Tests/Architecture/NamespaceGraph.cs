using Mono.Cecil;
using Mono.Cecil.Cil;

namespace UnvReporting.Web.Tests.Architecture;

/// <summary>
/// Which namespaces of the compiled web assembly use which, read from its metadata and IL: base
/// types, interfaces, attributes, fields, properties, method signatures, local variables and every
/// type, method or field an instruction names. A compiler-generated nested type (a lambda's
/// closure, an async state machine) counts as its declaring type; a Razor view counts as the
/// namespace of its folder, as if it were the page model beside it.
/// </summary>
public sealed class NamespaceGraph
{
    private const string RootNamespace = "UnvReporting.Web";

    private readonly Dictionary<string, string> _namespaceOfType = new(StringComparer.Ordinal);

    /// <summary>Each namespace's uses of other namespaces, with one example per pair ("Type → Type") to say where to look.</summary>
    public Dictionary<string, Dictionary<string, string>> Uses { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Read(string assemblyPath)
    {
        using var assembly = AssemblyDefinition.ReadAssembly(assemblyPath);
        var graph = new NamespaceGraph();
        var types = assembly.MainModule.GetTypes().ToList();
        foreach (var type in types)
        {
            if (NamespaceOf(type) is { } ns)
            {
                graph._namespaceOfType[type.FullName] = ns;
                graph.Uses.TryAdd(ns, new Dictionary<string, string>(StringComparer.Ordinal));
            }
        }

        foreach (var type in types)
        {
            if (graph._namespaceOfType.TryGetValue(type.FullName, out var from))
            {
                new TypeReader(graph, from, Outermost(type).FullName).Read(type);
            }
        }

        return graph;
    }

    /// <summary>Groups of namespaces that use each other in a circle (strongly connected components of more than one).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Cycles()
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var onStack = new HashSet<string>(StringComparer.Ordinal);
        var components = new List<IReadOnlyList<string>>();
        var next = 0;

        void Visit(string node)
        {
            index[node] = low[node] = next++;
            stack.Push(node);
            onStack.Add(node);
            foreach (var target in Uses[node].Keys)
            {
                if (!index.ContainsKey(target))
                {
                    Visit(target);
                    low[node] = Math.Min(low[node], low[target]);
                }
                else if (onStack.Contains(target))
                {
                    low[node] = Math.Min(low[node], index[target]);
                }
            }

            if (low[node] == index[node])
            {
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    components.Add(component.Order(StringComparer.Ordinal).ToList());
                }
            }
        }

        foreach (var node in Uses.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }

        return components;
    }

    /// <summary>
    /// The namespace a type is counted in, or null for what is not ours: the compiler's top-level
    /// helpers (anonymous types, <c>&lt;PrivateImplementationDetails&gt;</c>) and source generators'
    /// code in framework namespaces.
    /// </summary>
    private static string? NamespaceOf(TypeDefinition type)
    {
        var outer = Outermost(type);
        if (ViewPath(outer) is { } path)
        {
            // "/Features/Staff/Years/Year.cshtml" is part of UnvReporting.Web.Features.Staff.Years.
            var folder = path[..path.LastIndexOf('/')].Trim('/').Replace('/', '.');
            return folder.Length == 0 ? RootNamespace : RootNamespace + "." + folder;
        }

        if (outer.Namespace.Length == 0)
        {
            return outer.Name.StartsWith('<') ? null : "(global)";
        }

        return outer.Namespace == RootNamespace || outer.Namespace.StartsWith(RootNamespace + ".", StringComparison.Ordinal) ? outer.Namespace : null;
    }

    private static TypeDefinition Outermost(TypeDefinition type)
    {
        while (type.DeclaringType is { } declaring)
        {
            type = declaring;
        }

        return type;
    }

    private static string? ViewPath(TypeDefinition type) =>
        type.CustomAttributes
            .Where(a => a.AttributeType.Name == "RazorCompiledItemMetadataAttribute" && a.ConstructorArguments.Count == 2 && (string)a.ConstructorArguments[0].Value == "Identifier")
            .Select(a => (string)a.ConstructorArguments[1].Value)
            .FirstOrDefault();

    private void Add(string from, string fromType, TypeReference? reference)
    {
        if (reference is null)
        {
            return;
        }

        switch (reference)
        {
            case GenericInstanceType generic:
                foreach (var argument in generic.GenericArguments)
                {
                    Add(from, fromType, argument);
                }

                Add(from, fromType, generic.ElementType);
                return;
            case TypeSpecification specification:
                Add(from, fromType, specification.ElementType);
                return;
            case GenericParameter:
                return;
        }

        while (reference.DeclaringType is { } declaring)
        {
            reference = declaring;
        }

        if (_namespaceOfType.TryGetValue(reference.FullName, out var to) && to != from)
        {
            Uses[from].TryAdd(to, $"{fromType} → {reference.FullName}");
        }
    }

    private sealed class TypeReader(NamespaceGraph graph, string from, string fromType)
    {
        public void Read(TypeDefinition type)
        {
            Use(type.BaseType);
            foreach (var implemented in type.Interfaces)
            {
                Use(implemented.InterfaceType);
                Attributes(implemented);
            }

            Attributes(type);
            GenericParameters(type);
            foreach (var field in type.Fields)
            {
                Use(field.FieldType);
                Attributes(field);
            }

            foreach (var property in type.Properties)
            {
                Use(property.PropertyType);
                Attributes(property);
            }

            foreach (var @event in type.Events)
            {
                Use(@event.EventType);
                Attributes(@event);
            }

            foreach (var method in type.Methods)
            {
                Method(method);
            }
        }

        private void Method(MethodDefinition method)
        {
            Use(method.ReturnType);
            Attributes(method);
            Attributes(method.MethodReturnType);
            GenericParameters(method);
            foreach (var parameter in method.Parameters)
            {
                Use(parameter.ParameterType);
                Attributes(parameter);
            }

            if (!method.HasBody)
            {
                return;
            }

            foreach (var variable in method.Body.Variables)
            {
                Use(variable.VariableType);
            }

            foreach (var handler in method.Body.ExceptionHandlers)
            {
                Use(handler.CatchType);
            }

            foreach (var instruction in method.Body.Instructions)
            {
                Operand(instruction);
            }
        }

        private void Operand(Instruction instruction)
        {
            switch (instruction.Operand)
            {
                case TypeReference type:
                    Use(type);
                    break;
                case MethodReference called:
                    MethodReference(called);
                    break;
                case FieldReference field:
                    Use(field.DeclaringType);
                    Use(field.FieldType);
                    break;
                case CallSite site:
                    Use(site.ReturnType);
                    foreach (var parameter in site.Parameters)
                    {
                        Use(parameter.ParameterType);
                    }

                    break;
            }
        }

        private void MethodReference(MethodReference method)
        {
            Use(method.DeclaringType);
            Use(method.ReturnType);
            foreach (var parameter in method.Parameters)
            {
                Use(parameter.ParameterType);
            }

            if (method is GenericInstanceMethod generic)
            {
                foreach (var argument in generic.GenericArguments)
                {
                    Use(argument);
                }
            }
        }

        private void GenericParameters(IGenericParameterProvider provider)
        {
            foreach (var parameter in provider.GenericParameters)
            {
                foreach (var constraint in parameter.Constraints)
                {
                    Use(constraint.ConstraintType);
                }
            }
        }

        private void Attributes(ICustomAttributeProvider provider)
        {
            foreach (var attribute in provider.CustomAttributes)
            {
                Use(attribute.AttributeType);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.Properties.Select(p => p.Argument)).Concat(attribute.Fields.Select(f => f.Argument)))
                {
                    Argument(argument);
                }
            }
        }

        // typeof(X) in an attribute ([DbContext(typeof(...))], [ProducesResponseType(typeof(...))]) is a use of X.
        private void Argument(CustomAttributeArgument argument)
        {
            switch (argument.Value)
            {
                case TypeReference type:
                    Use(type);
                    break;
                case CustomAttributeArgument inner:
                    Argument(inner);
                    break;
                case CustomAttributeArgument[] items:
                    foreach (var item in items)
                    {
                        Argument(item);
                    }

                    break;
            }

            Use(argument.Type);
        }

        private void Use(TypeReference? type) => graph.Add(from, fromType, type);
    }
}
