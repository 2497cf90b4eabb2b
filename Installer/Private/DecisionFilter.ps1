# Filters of Get-ExchangeSpfAgentDecision: time range, result, action, sender domain and origin IP range.

Set-StrictMode -Version Latest

function New-DecisionFilter
{
    <#
    .SYNOPSIS
    Collects the filters of Get-ExchangeSpfAgentDecision, with times in UTC and origin ranges parsed.
    #>
    [CmdletBinding()]
    param(
        [Nullable[datetime]] $Start,
        [Nullable[datetime]] $End,
        [string[]] $Result = @(),
        [string[]] $Action = @(),
        [string[]] $SenderDomain = @(),
        [string[]] $OriginIP = @()
    )

    [pscustomobject]@{
        StartUtc = if ($null -ne $Start) { ([datetime]$Start).ToUniversalTime() } else { $null }
        EndUtc = if ($null -ne $End) { ([datetime]$End).ToUniversalTime() } else { $null }
        Result = $Result
        Action = $Action
        SenderDomain = $SenderDomain
        OriginRanges = @($OriginIP | Where-Object { $_ } | ForEach-Object { ConvertTo-AddressPrefix -Text $_ })
    }
}

function ConvertTo-AddressPrefix
{
    <#
    .SYNOPSIS
    Parses an address or CIDR range into its address bytes and prefix length.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Text
    )

    $parts = $Text.Trim().Split('/')
    $address = $null
    if ($parts.Count -gt 2 -or -not [System.Net.IPAddress]::TryParse($parts[0], [ref]$address))
    {
        throw "-OriginIP '$Text' is not an IP address or a CIDR range such as 192.0.2.0/24."
    }

    $bytes = Get-NormalizedAddressBytes -Address $address
    $prefix = $bytes.Length * 8
    if ($parts.Count -eq 2 -and (-not [int]::TryParse($parts[1], [ref]$prefix) -or $prefix -lt 0 -or $prefix -gt $bytes.Length * 8))
    {
        throw "The prefix length of -OriginIP '$Text' is not between 0 and $($bytes.Length * 8)."
    }

    [pscustomobject]@{ Bytes = $bytes; PrefixLength = $prefix }
}

function Get-NormalizedAddressBytes
{
    <#
    .SYNOPSIS
    Returns an address's bytes, with an IPv4-mapped IPv6 address as its 4 IPv4 bytes, as the agent treats it.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [System.Net.IPAddress] $Address
    )

    if ($Address.IsIPv4MappedToIPv6)
    {
        $Address = $Address.MapToIPv4()
    }

    , $Address.GetAddressBytes()
}

function Test-AddressInPrefix
{
    <#
    .SYNOPSIS
    Returns whether an address text lies in one of the parsed ranges.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [AllowEmptyString()]
        [string] $Address,

        [object[]] $Range
    )

    $parsed = $null
    if (-not [System.Net.IPAddress]::TryParse($Address, [ref]$parsed))
    {
        return $false
    }

    $bytes = Get-NormalizedAddressBytes -Address $parsed
    foreach ($candidate in $Range)
    {
        if ($candidate.Bytes.Length -ne $bytes.Length)
        {
            continue
        }

        $matched = $true
        for ($bit = 0; $bit -lt $candidate.PrefixLength; $bit++)
        {
            $mask = 0x80 -shr ($bit % 8)
            if (($bytes[[math]::Floor($bit / 8)] -band $mask) -ne ($candidate.Bytes[[math]::Floor($bit / 8)] -band $mask))
            {
                $matched = $false
                break
            }
        }

        if ($matched)
        {
            return $true
        }
    }

    $false
}

function Test-DecisionFilter
{
    <#
    .SYNOPSIS
    Returns whether a decision passes every filter.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [object] $Decision,

        [Parameter(Mandatory)]
        [object] $Filter
    )

    $timeUtc = if ($null -ne $Decision.PSObject.Properties['Time']) { $Decision.Time.ToUniversalTime() } else { $null }
    if ($null -ne $Filter.StartUtc -and ($null -eq $timeUtc -or $timeUtc -lt $Filter.StartUtc))
    {
        return $false
    }

    if ($null -ne $Filter.EndUtc -and ($null -eq $timeUtc -or $timeUtc -ge $Filter.EndUtc))
    {
        return $false
    }

    if ($Filter.Result -and $Filter.Result -notcontains "$($Decision.Result)")
    {
        return $false
    }

    if ($Filter.Action -and $Filter.Action -notcontains "$($Decision.Action)")
    {
        return $false
    }

    if ($Filter.SenderDomain -and @($Filter.SenderDomain | Where-Object { $Decision.SenderDomain -like $_ }).Count -eq 0)
    {
        return $false
    }

    -not ($Filter.OriginRanges.Count -gt 0 -and -not (Test-AddressInPrefix -Address "$($Decision.OriginIp)" -Range $Filter.OriginRanges))
}
