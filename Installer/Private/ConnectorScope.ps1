# Turning receive connectors into the agent's connector scope (Scope/ConnectorBindings) and, on request, its
# trusted relays (Origin/TrustedRelays). The agent sees only the local IP and port of a session, so a connector
# is known to it by its bindings.

Set-StrictMode -Version Latest

function Get-ObjectName
{
    <#
    .SYNOPSIS
    Returns the Name of an Exchange identity object, or its text when a remote session has turned it into a string.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowNull()]
        [object] $InputObject
    )

    if ($null -eq $InputObject)
    {
        return ''
    }

    if (Test-ObjectProperty -InputObject $InputObject -Name 'Name')
    {
        return "$($InputObject.Name)"
    }

    "$InputObject"
}

function Get-ReceiveConnectorObject
{
    <#
    .SYNOPSIS
    Reads receive connectors by identity, each once, and throws a message naming a connector that is not found.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $Identity
    )

    $seen = @{}
    foreach ($name in $Identity)
    {
        try
        {
            $connectors = @(Get-ReceiveConnector -Identity $name -ErrorAction Stop)
        }
        catch
        {
            throw "The receive connector '$name' was not found: $($_.Exception.Message) List the connectors with Get-ReceiveConnector -Server $env:COMPUTERNAME and pass a name or SERVER\Name identity."
        }

        foreach ($connector in $connectors)
        {
            $key = "$($connector.Identity)"
            if (-not $seen.ContainsKey($key))
            {
                $seen[$key] = $true
                $connector
            }
        }
    }
}

function Get-ConnectorScope
{
    <#
    .SYNOPSIS
    Computes the connector bindings and trusted relays for a set of receive connectors, and explains each one.

    .DESCRIPTION
    Returns an object with Bindings, TrustedRelays and Connectors, one explanation per connector. Connectors on
    other servers are left out, because their sessions never reach this server's agent. Bindings on 0.0.0.0 or ::
    are kept, and the explanation names the other connectors of this server whose sessions they also match.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string[]] $ReceiveConnector,

        [switch] $TrustRemoteIPRanges
    )

    $connectors = @(Get-ReceiveConnectorObject -Identity $ReceiveConnector)
    $serverConnectors = @()
    try
    {
        $serverConnectors = @(Get-ReceiveConnector -Server $env:COMPUTERNAME -ErrorAction Stop)
    }
    catch
    {
        Write-Warning "The receive connectors of $env:COMPUTERNAME could not be listed, so shared bindings are not checked: $($_.Exception.Message)"
    }

    $bindings = New-Object -TypeName System.Collections.Generic.List[string]
    $relays = New-Object -TypeName System.Collections.Generic.List[string]
    $explanations = foreach ($connector in $connectors)
    {
        $server = Get-ObjectName -InputObject $connector.Server
        $connectorBindings = @($connector.Bindings | ForEach-Object { ConvertTo-BindingText -Binding $_ })
        $ranges = @($connector.RemoteIPRanges | ForEach-Object { "$_" })
        $notes = @()
        $included = [string]::Equals($server, $env:COMPUTERNAME, [System.StringComparison]::OrdinalIgnoreCase)
        if (-not $included)
        {
            $notes += "The connector is on server $server, so its sessions never reach the agent on $env:COMPUTERNAME; run the script on $server to scope the agent there."
        }
        else
        {
            if (-not [bool]$connector.Enabled)
            {
                $notes += 'The connector is disabled; its bindings are written all the same.'
            }

            foreach ($binding in $connectorBindings)
            {
                if (-not $bindings.Contains($binding))
                {
                    $bindings.Add($binding)
                }

                $notes += @(Get-SharedBindingNote -Connector $connector -Binding $binding -ServerConnector $serverConnectors)
            }

            if ($TrustRemoteIPRanges)
            {
                foreach ($range in @($connector.RemoteIPRanges))
                {
                    foreach ($block in @(ConvertTo-CidrRange -Range $range))
                    {
                        if ($block -eq '0.0.0.0/0' -or $block -eq '::/0')
                        {
                            throw ("The receive connector '$($connector.Identity)' accepts every address ($range), so its " +
                                "RemoteIPRanges cannot be the trusted relays: the agent believes a trusted relay's origin " +
                                'header, and any sender could then choose the IP that SPF checks. Restrict the connector to ' +
                                'the appliances with Set-ReceiveConnector -RemoteIPRanges, or list the appliances in ' +
                                'Origin/TrustedRelays by hand. Nothing was changed.')
                        }

                        if (-not $relays.Contains($block))
                        {
                            $relays.Add($block)
                        }
                    }
                }
            }
        }

        [pscustomobject]@{
            PSTypeName = 'ExchangeSpfAgent.ConnectorScope'
            Identity = "$($connector.Identity)"
            Server = $server
            TransportRole = "$($connector.TransportRole)"
            Bindings = $connectorBindings
            RemoteIPRanges = $ranges
            Included = $included
            Note = ($notes -join ' ')
        }
    }

    if ($bindings.Count -eq 0)
    {
        throw ("None of the receive connectors '$($ReceiveConnector -join "', '")' is on $env:COMPUTERNAME. An empty " +
            'connector scope makes the agent check every connector, so nothing was changed. Run the script on the ' +
            'server that hosts the connectors.')
    }

    [pscustomobject]@{
        Bindings = $bindings.ToArray()
        TrustedRelays = $relays.ToArray()
        Connectors = @($explanations)
    }
}

function Get-SharedBindingNote
{
    <#
    .SYNOPSIS
    Explains a binding on every local address, and names this server's other connectors that it also matches.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)]
        [object] $Connector,

        [Parameter(Mandatory)]
        [string] $Binding,

        [AllowEmptyCollection()]
        [object[]] $ServerConnector = @()
    )

    $shared = @(foreach ($other in $ServerConnector)
        {
            if ("$($other.Identity)" -eq "$($Connector.Identity)")
            {
                continue
            }

            foreach ($otherBinding in @($other.Bindings | ForEach-Object { ConvertTo-BindingText -Binding $_ }))
            {
                if (Test-BindingOverlap -Binding $Binding -OtherBinding $otherBinding)
                {
                    "'$($other.Identity)' ($otherBinding)"
                    break
                }
            }
        })

    if (Test-UnspecifiedBinding -Binding $Binding)
    {
        "Binding $Binding matches every local address on that port."
    }

    if ($shared.Count -gt 0)
    {
        ("Binding $Binding also matches the sessions of $($shared -join ', '), because the agent tells connectors " +
            'apart only by local IP address and port; give this connector its own IP address or port to check it alone.')
    }
}

function Update-AgentConnectorScope
{
    <#
    .SYNOPSIS
    Writes the bindings of receive connectors, and on request their RemoteIPRanges, into a configuration file.

    .DESCRIPTION
    Returns one explanation per connector. The file is written only when a list changes; under -WhatIf the
    change is shown and nothing is written. When the configuration file does not exist yet (an installation
    under -WhatIf), the lists are read from TemplatePath.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $ConfigurationPath,

        [Parameter(Mandatory)]
        [string[]] $ReceiveConnector,

        [switch] $TrustRemoteIPRanges,

        [string] $TemplatePath
    )

    $readPath = $ConfigurationPath
    if (-not (Test-Path -LiteralPath $ConfigurationPath -PathType Leaf))
    {
        if (-not $TemplatePath -or -not (Test-Path -LiteralPath $TemplatePath -PathType Leaf))
        {
            throw "The configuration file '$ConfigurationPath' was not found. Install the agent first, or pass the agent folder with -Path."
        }

        $readPath = $TemplatePath
    }

    $scope = Get-ConnectorScope -ReceiveConnector $ReceiveConnector -TrustRemoteIPRanges:$TrustRemoteIPRanges
    $document = Read-AgentConfiguration -Path $readPath
    $changes = @()

    $oldBindings = @(Get-ConfigurationList -Document $document -ListPath 'Scope/ConnectorBindings' -ItemName 'Binding')
    if (($oldBindings -join ',') -ne ($scope.Bindings -join ','))
    {
        Set-ConfigurationList -Document $document -ListPath 'Scope/ConnectorBindings' -ItemName 'Binding' -Value $scope.Bindings
        $changes += "set Scope/ConnectorBindings to $($scope.Bindings -join ', ') (was: $(Format-ListValue -Value $oldBindings -Empty 'empty, every connector'))"
    }

    if ($TrustRemoteIPRanges)
    {
        $oldRelays = @(Get-ConfigurationList -Document $document -ListPath 'Origin/TrustedRelays' -ItemName 'Range')
        if (($oldRelays -join ',') -ne ($scope.TrustedRelays -join ','))
        {
            Set-ConfigurationList -Document $document -ListPath 'Origin/TrustedRelays' -ItemName 'Range' -Value $scope.TrustedRelays
            $changes += "set Origin/TrustedRelays to $(Format-ListValue -Value $scope.TrustedRelays -Empty 'empty') (was: $(Format-ListValue -Value $oldRelays -Empty 'empty'))"
        }
    }

    if ($changes.Count -eq 0)
    {
        Write-Verbose "The connector scope in '$ConfigurationPath' is up to date."
    }
    else
    {
        $description = ($changes -join '; ')
        $description = $description.Substring(0, 1).ToUpperInvariant() + $description.Substring(1)
        Save-AgentConfiguration -Document $document -Path $ConfigurationPath -Description $description | Out-Null
    }

    $scope.Connectors
}

function Format-ListValue
{
    <#
    .SYNOPSIS
    Joins list values with commas, or returns the text for an empty list.
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [AllowEmptyCollection()]
        [string[]] $Value = @(),

        [Parameter(Mandatory)]
        [string] $Empty
    )

    if ($Value.Count -eq 0)
    {
        return $Empty
    }

    $Value -join ', '
}
