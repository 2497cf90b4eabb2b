# Conversions between Exchange's receive-connector values (IPBinding, IPRange, or their text after
# deserialization) and the agent configuration's forms: IP:port bindings and CIDR ranges.

Set-StrictMode -Version Latest

Add-Type -AssemblyName System.Numerics

function Test-ObjectProperty
{
    <#
    .SYNOPSIS
    Returns whether an object has a property of the given name.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowNull()]
        [object] $InputObject,

        [Parameter(Mandatory)]
        [string] $Name
    )

    $null -ne $InputObject -and $null -ne $InputObject.PSObject.Properties[$Name]
}

function ConvertTo-IPAddress
{
    <#
    .SYNOPSIS
    Parses an IP address, with or without IPv6 brackets, and throws a message naming the value when it is invalid.
    #>
    [CmdletBinding()]
    [OutputType([System.Net.IPAddress])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Text,

        [Parameter(Mandatory)]
        [string] $Context
    )

    $address = $null
    $trimmed = $Text.Trim().TrimStart('[').TrimEnd(']')
    if (-not [System.Net.IPAddress]::TryParse($trimmed, [ref]$address))
    {
        throw "$Context '$Text' is not an IP address."
    }

    $address
}

function ConvertTo-BindingText
{
    <#
    .SYNOPSIS
    Formats a receive-connector binding as the agent's configuration writes it: 192.0.2.10:25 or [2001:db8::10]:25.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [object] $Binding
    )

    if ((Test-ObjectProperty -InputObject $Binding -Name 'Address') -and (Test-ObjectProperty -InputObject $Binding -Name 'Port'))
    {
        $address = $Binding.Address
        if ($address -isnot [System.Net.IPAddress])
        {
            $address = ConvertTo-IPAddress -Text "$address" -Context 'The binding address'
        }

        $port = [int]$Binding.Port
    }
    else
    {
        $text = "$Binding".Trim()
        $colon = $text.LastIndexOf(':')
        $port = 0
        if ($colon -le 0 -or -not [int]::TryParse($text.Substring($colon + 1), [ref]$port))
        {
            throw "The binding '$text' is not an IP address and a port."
        }

        $address = ConvertTo-IPAddress -Text $text.Substring(0, $colon) -Context "The address of binding '$text'"
    }

    if ($address.AddressFamily -eq [System.Net.Sockets.AddressFamily]::InterNetworkV6)
    {
        return "[$address]:$port"
    }

    "${address}:$port"
}

function Test-UnspecifiedBinding
{
    <#
    .SYNOPSIS
    Returns whether a binding text listens on every local address (0.0.0.0 or ::).
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Binding
    )

    $Binding.StartsWith('0.0.0.0:') -or $Binding.StartsWith('[::]:')
}

function Test-BindingOverlap
{
    <#
    .SYNOPSIS
    Returns whether two binding texts can match the same local end point, as the agent compares them.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Binding,

        [Parameter(Mandatory)]
        [string] $OtherBinding
    )

    $port = $Binding.Substring($Binding.LastIndexOf(':') + 1)
    $otherPort = $OtherBinding.Substring($OtherBinding.LastIndexOf(':') + 1)
    if ($port -ne $otherPort)
    {
        return $false
    }

    $Binding -eq $OtherBinding -or (Test-UnspecifiedBinding -Binding $Binding) -or (Test-UnspecifiedBinding -Binding $OtherBinding)
}

function ConvertTo-BigInteger
{
    <#
    .SYNOPSIS
    Returns the unsigned number of an IP address's bytes in network order.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Net.IPAddress] $Address
    )

    # BigInteger reads bytes least significant first; the extra zero byte keeps the number positive.
    [byte[]] $bytes = $Address.GetAddressBytes()
    [array]::Reverse($bytes)
    New-Object -TypeName System.Numerics.BigInteger -ArgumentList (, [byte[]]($bytes + [byte]0))
}

function ConvertFrom-BigInteger
{
    <#
    .SYNOPSIS
    Returns the IP address of a number, with 4 bytes for IPv4 or 16 for IPv6.
    #>
    [CmdletBinding()]
    [OutputType([System.Net.IPAddress])]
    param(
        [Parameter(Mandatory)]
        [System.Numerics.BigInteger] $Value,

        [Parameter(Mandatory)]
        [ValidateSet(4, 16)]
        [int] $Length
    )

    [byte[]] $littleEndian = $Value.ToByteArray()
    $bytes = New-Object -TypeName byte[] -ArgumentList $Length
    for ($index = 0; $index -lt $Length -and $index -lt $littleEndian.Length; $index++)
    {
        $bytes[$Length - 1 - $index] = $littleEndian[$index]
    }

    New-Object -TypeName System.Net.IPAddress -ArgumentList (, $bytes)
}

function ConvertTo-CidrBlock
{
    <#
    .SYNOPSIS
    Splits an address range into the fewest CIDR blocks that cover exactly its addresses; a block of one
    address is written without a prefix length.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)]
        [System.Net.IPAddress] $LowerBound,

        [Parameter(Mandatory)]
        [System.Net.IPAddress] $UpperBound
    )

    if ($LowerBound.AddressFamily -ne $UpperBound.AddressFamily)
    {
        throw "The range $LowerBound-$UpperBound mixes IPv4 and IPv6."
    }

    $length = $LowerBound.GetAddressBytes().Length
    $bits = $length * 8
    $lower = ConvertTo-BigInteger -Address $LowerBound
    $upper = ConvertTo-BigInteger -Address $UpperBound
    if ([System.Numerics.BigInteger]::Compare($lower, $upper) -gt 0)
    {
        throw "The range $LowerBound-$UpperBound ends before it starts."
    }

    while ([System.Numerics.BigInteger]::Compare($lower, $upper) -le 0)
    {
        # The largest block that starts at $lower (aligned to its size) and ends at or before $upper.
        for ($hostBits = $bits; $hostBits -ge 0; $hostBits--)
        {
            $size = [System.Numerics.BigInteger]::Pow(2, $hostBits)
            $aligned = [System.Numerics.BigInteger]::Remainder($lower, $size).IsZero
            $last = [System.Numerics.BigInteger]::Subtract([System.Numerics.BigInteger]::Add($lower, $size), 1)
            if ($aligned -and [System.Numerics.BigInteger]::Compare($last, $upper) -le 0)
            {
                break
            }
        }

        $network = ConvertFrom-BigInteger -Value $lower -Length $length
        if ($hostBits -eq 0)
        {
            "$network"
        }
        else
        {
            "$network/$($bits - $hostBits)"
        }

        $lower = [System.Numerics.BigInteger]::Add($lower, $size)
    }
}

function ConvertTo-CidrRange
{
    <#
    .SYNOPSIS
    Converts one of a receive connector's RemoteIPRanges to CIDR blocks for Origin/TrustedRelays.

    .DESCRIPTION
    Accepts Exchange's IPRange objects (LowerBound and UpperBound) and their three text forms: a single
    address, address/prefix and lower-upper.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)]
        [object] $Range
    )

    if ((Test-ObjectProperty -InputObject $Range -Name 'LowerBound') -and (Test-ObjectProperty -InputObject $Range -Name 'UpperBound'))
    {
        $lower = ConvertTo-IPAddress -Text "$($Range.LowerBound)" -Context 'The lower bound'
        $upper = ConvertTo-IPAddress -Text "$($Range.UpperBound)" -Context 'The upper bound'
        return ConvertTo-CidrBlock -LowerBound $lower -UpperBound $upper
    }

    $text = "$Range".Trim()
    if ($text.Contains('-'))
    {
        $parts = $text.Split('-')
        $lower = ConvertTo-IPAddress -Text $parts[0] -Context "The lower bound of range '$text'"
        $upper = ConvertTo-IPAddress -Text $parts[1] -Context "The upper bound of range '$text'"
        return ConvertTo-CidrBlock -LowerBound $lower -UpperBound $upper
    }

    if ($text.Contains('/'))
    {
        $parts = $text.Split('/')
        $address = ConvertTo-IPAddress -Text $parts[0] -Context "The address of range '$text'"
        $bits = $address.GetAddressBytes().Length * 8
        $prefix = 0
        if (-not [int]::TryParse($parts[1], [ref]$prefix) -or $prefix -lt 0 -or $prefix -gt $bits)
        {
            throw "The prefix length of range '$text' is not between 0 and $bits."
        }

        # Exchange accepts host bits after the prefix; the block starts at the network address.
        $size = [System.Numerics.BigInteger]::Pow(2, $bits - $prefix)
        $value = ConvertTo-BigInteger -Address $address
        $network = [System.Numerics.BigInteger]::Subtract($value, [System.Numerics.BigInteger]::Remainder($value, $size))
        $length = $address.GetAddressBytes().Length
        if ($prefix -eq $bits)
        {
            return "$address"
        }

        return "$(ConvertFrom-BigInteger -Value $network -Length $length)/$prefix"
    }

    "$(ConvertTo-IPAddress -Text $text -Context 'The remote IP range')"
}
