# Stopping, starting and restarting the Windows services of the transport services.

Set-StrictMode -Version Latest

function Restart-TransportService
{
    <#
    .SYNOPSIS
    Restarts the Windows service of a transport service so that it loads the agent configuration again.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $ServiceName
    )

    if (-not $PSCmdlet.ShouldProcess($ServiceName, 'Restart service'))
    {
        return $false
    }

    try
    {
        Restart-Service -Name $ServiceName -Confirm:$false -ErrorAction Stop
    }
    catch
    {
        throw "Restarting the service $ServiceName failed: $($_.Exception.Message) Start it with Start-Service $ServiceName and check the Application event log for MSExchange Extensibility events 1052 to 1054, which name an agent that could not be loaded."
    }

    Write-Verbose "Restarted $ServiceName."
    $true
}

function Stop-TransportService
{
    <#
    .SYNOPSIS
    Stops the running services among the given ones and returns the names of those stopped.

    .DESCRIPTION
    A service that is not running is left alone with a warning. When one service cannot be stopped, those
    already stopped are started again before the error is thrown. Under -WhatIf the names that would be
    stopped are returned, so the caller can show the matching starts.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string[]] $ServiceName
    )

    $stopped = @()
    foreach ($name in $ServiceName)
    {
        $service = Get-Service -Name $name -ErrorAction SilentlyContinue
        if ($null -eq $service)
        {
            Start-TransportService -ServiceName $stopped
            throw "The service $name was not found on this server. Check -TransportService: FrontEnd runs in MSExchangeFrontEndTransport, Hub and Edge in MSExchangeTransport."
        }

        if ("$($service.Status)" -ne 'Running')
        {
            Write-Warning "The service $name is $($service.Status); it is left that way, and the files it would load are replaced."
            continue
        }

        if (-not $PSCmdlet.ShouldProcess($name, 'Stop service'))
        {
            if ($WhatIfPreference)
            {
                $stopped += $name
            }

            continue
        }

        try
        {
            Stop-Service -Name $name -Confirm:$false -ErrorAction Stop
        }
        catch
        {
            $message = $_.Exception.Message
            Start-TransportService -ServiceName $stopped
            throw "Stopping the service $name failed: $message No file was replaced; run the script again once the service can be stopped."
        }

        Write-Verbose "Stopped $name."
        $stopped += $name
    }

    $stopped
}

function Start-TransportService
{
    <#
    .SYNOPSIS
    Starts services, trying every one before it throws a message that names all that failed.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [AllowEmptyCollection()]
        [string[]] $ServiceName
    )

    $failures = @()
    foreach ($name in $ServiceName)
    {
        if (-not $PSCmdlet.ShouldProcess($name, 'Start service'))
        {
            continue
        }

        try
        {
            Start-Service -Name $name -Confirm:$false -ErrorAction Stop
            Write-Verbose "Started $name."
        }
        catch
        {
            $failures += "${name}: $($_.Exception.Message)"
        }
    }

    if ($failures.Count -gt 0)
    {
        throw ("These services could not be started: $($failures -join '; ') Start them with Start-Service and check " +
            'the Application event log for MSExchange Extensibility events 1052 to 1054, which name an agent that could not be loaded.')
    }
}
