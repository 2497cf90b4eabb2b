# Reading the agent's decision logs: Decision_yyyyMMdd*.log files with #-header lines, a #Fields: line naming the
# columns, and one CSV line per message whose quoted fields escape control characters with backslashes.

Set-StrictMode -Version Latest

$script:DecisionTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"
$script:DecisionFileDatePattern = '^Decision_(?<date>\d{8})'

function Get-DecisionLogFile
{
    <#
    .SYNOPSIS
    Expands files and folders into decision log files, oldest first, leaving out days outside the time filter.
    #>
    [CmdletBinding()]
    [OutputType([string[]])]
    param(
        [Parameter(Mandatory)]
        [string[]] $Path,

        [Parameter(Mandatory)]
        [object] $Filter
    )

    foreach ($item in $Path)
    {
        if (Test-Path -LiteralPath $item -PathType Container)
        {
            $files = @(Get-ChildItem -LiteralPath $item -Filter 'Decision_*.log' -File | Sort-Object -Property Name)
        }
        elseif (Test-Path -LiteralPath $item -PathType Leaf)
        {
            $files = @(Get-Item -LiteralPath $item)
        }
        else
        {
            throw "The decision log path '$item' was not found. Pass the agent's log folder or a Decision_*.log file with -Path."
        }

        foreach ($file in $files)
        {
            if (Test-DecisionFileDay -Name $file.Name -Filter $Filter)
            {
                $file.FullName
            }
        }
    }
}

function Test-DecisionFileDay
{
    <#
    .SYNOPSIS
    Returns whether a log file's UTC day, from its name, can hold decisions inside the time filter.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [object] $Filter
    )

    $match = [regex]::Match($Name, $script:DecisionFileDatePattern)
    $day = [datetime]::MinValue
    $styles = [System.Globalization.DateTimeStyles]::AssumeUniversal -bor [System.Globalization.DateTimeStyles]::AdjustToUniversal
    if (-not $match.Success -or -not [datetime]::TryParseExact($match.Groups['date'].Value, 'yyyyMMdd',
            [System.Globalization.CultureInfo]::InvariantCulture, $styles, [ref]$day))
    {
        return $true
    }

    if ($null -ne $Filter.StartUtc -and $day.AddDays(1) -le $Filter.StartUtc)
    {
        return $false
    }

    -not ($null -ne $Filter.EndUtc -and $day -ge $Filter.EndUtc)
}

function Read-DecisionLog
{
    <#
    .SYNOPSIS
    Reads one decision log file and returns an object per data line.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Path
    )

    $fields = $null
    $lines = New-Object -TypeName System.Collections.Generic.List[string]
    $lineNumber = 0

    # Get-Content shares the file with the agent, which keeps today's file open for writing.
    foreach ($line in Get-Content -LiteralPath $Path -Encoding UTF8)
    {
        $lineNumber++
        if ($line.StartsWith('#'))
        {
            if ($line.StartsWith('#Fields:'))
            {
                ConvertFrom-DecisionLine -Line $lines -Field $fields -Path $Path
                $lines.Clear()
                $fields = @($line.Substring('#Fields:'.Length).Split(',') | ForEach-Object { $_.Trim() })
            }

            continue
        }

        if ($line.Trim().Length -eq 0)
        {
            continue
        }

        if ($null -eq $fields)
        {
            throw "The decision log '$Path' has data at line $lineNumber before its #Fields: line."
        }

        $lines.Add($line)
    }

    ConvertFrom-DecisionLine -Line $lines -Field $fields -Path $Path
}

function ConvertFrom-DecisionLine
{
    <#
    .SYNOPSIS
    Converts CSV data lines with the given column names into decision objects.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [System.Collections.Generic.List[string]] $Line,

        [AllowNull()]
        [string[]] $Field,

        [Parameter(Mandatory)]
        [string] $Path
    )

    if ($Line.Count -eq 0)
    {
        return
    }

    foreach ($row in $Line | ConvertFrom-Csv -Header $Field)
    {
        $decision = [ordered]@{ PSTypeName = 'ExchangeSpfAgent.Decision' }
        foreach ($name in $Field)
        {
            $value = ConvertFrom-DecisionEscape -Value "$($row.$name)"
            switch ($name)
            {
                'date-time' { $decision['Time'] = (ConvertFrom-DecisionTime -Text $value -Path $Path).ToLocalTime() }
                'elapsed-ms' { $decision['ElapsedMs'] = ConvertTo-Count -Text $value }
                'dns-queries' { $decision['DnsQueries'] = ConvertTo-Count -Text $value }
                'cache-hits' { $decision['CacheHits'] = ConvertTo-Count -Text $value }
                default { $decision[(ConvertTo-PropertyName -Field $name)] = $value }
            }
        }

        $decision['SenderDomain'] = Get-DecisionSenderDomain -MailFrom "$($decision['MailFrom'])" -Helo "$($decision['Helo'])"
        [pscustomobject]$decision
    }
}

function ConvertTo-PropertyName
{
    <#
    .SYNOPSIS
    Converts a column name such as origin-ip to a property name such as OriginIp.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [string] $Field
    )

    (($Field.Split('-') | Where-Object { $_ } | ForEach-Object { $_.Substring(0, 1).ToUpperInvariant() + $_.Substring(1) }) -join '')
}

function ConvertTo-Count
{
    <#
    .SYNOPSIS
    Parses a count column, or returns null when it is empty or not a number.
    #>
    [CmdletBinding()]
    param(
        [AllowEmptyString()]
        [string] $Text
    )

    $value = [long]0
    if ([long]::TryParse($Text, [System.Globalization.NumberStyles]::Integer, [System.Globalization.CultureInfo]::InvariantCulture, [ref]$value))
    {
        return $value
    }

    $null
}

function ConvertFrom-DecisionTime
{
    <#
    .SYNOPSIS
    Parses the date-time column, ISO 8601 in UTC with milliseconds, into a UTC DateTime.
    #>
    [CmdletBinding()]
    [OutputType([datetime])]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyString()]
        [string] $Text,

        [Parameter(Mandatory)]
        [string] $Path
    )

    $time = [datetime]::MinValue
    $styles = [System.Globalization.DateTimeStyles]::AssumeUniversal -bor [System.Globalization.DateTimeStyles]::AdjustToUniversal
    if (-not [datetime]::TryParseExact($Text, $script:DecisionTimeFormat, [System.Globalization.CultureInfo]::InvariantCulture, $styles, [ref]$time))
    {
        throw "The decision log '$Path' contains the invalid time '$Text'; expected a UTC time such as 2024-05-01T08:30:00.000Z."
    }

    $time
}

function ConvertFrom-DecisionEscape
{
    <#
    .SYNOPSIS
    Restores the characters that the agent wrote as \r, \n, \t, \\, \xHH or \uHHHH.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string] $Value
    )

    if ($Value.IndexOf([char]'\') -lt 0)
    {
        return $Value
    }

    $evaluator = {
        param($match)
        $escape = $match.Groups[1].Value
        switch -CaseSensitive ($escape.Substring(0, 1))
        {
            'r' { return "`r" }
            'n' { return "`n" }
            't' { return "`t" }
            '\' { return '\' }
            default { return [string][char][Convert]::ToInt32($escape.Substring(1), 16) }
        }
    }

    [regex]::Replace($Value, '\\(\\|r|n|t|x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4})', [System.Text.RegularExpressions.MatchEvaluator]$evaluator)
}

function Get-DecisionSenderDomain
{
    <#
    .SYNOPSIS
    Returns the domain of the MAIL FROM address, or the HELO name for the null sender (RFC 7208 section 2.4).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyString()]
        [string] $MailFrom,

        [AllowEmptyString()]
        [string] $Helo
    )

    $address = $MailFrom.Trim().TrimStart('<').TrimEnd('>')
    if ($address.Length -eq 0)
    {
        return $Helo.ToLowerInvariant()
    }

    $address.Substring($address.LastIndexOf('@') + 1).ToLowerInvariant()
}
