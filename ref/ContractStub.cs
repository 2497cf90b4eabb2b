using System;

namespace Microsoft.Exchange.Data;

// The contract build never runs: Exchange loads its own assembly of this name from the GAC.
internal static class ContractStub
{
    internal static NotSupportedException NotAvailable() =>
        new NotSupportedException(
            "This is a contract assembly that mirrors the Exchange API; the real assembly comes from the Exchange server.");
}
