# Deleting the agent's files, logs and event source after its registration is removed.

Set-StrictMode -Version Latest

function Assert-AgentNotRegisteredElsewhere
{
    <#
    .SYNOPSIS
    Throws when a transport service that is not being uninstalled still loads the agent from the folder.
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)]
        [string] $Name,

        [Parameter(Mandatory)]
        [string[]] $TransportService,

        [Parameter(Mandatory)]
        [string] $Path
    )

    if ($TransportService -contains 'Edge')
    {
        return
    }

    foreach ($service in @('FrontEnd', 'Hub') | Where-Object { $TransportService -notcontains $_ })
    {
        try
        {
            $registration = Get-AgentRegistration -Name $Name -TransportService $service
        }
        catch
        {
            Write-Verbose "The $service transport service could not be checked: $($_.Exception.Message)"
            continue
        }

        if ($null -ne $registration -and (Test-SamePath -Path (Split-Path -Path "$($registration.AssemblyPath)" -Parent) -OtherPath $Path))
        {
            throw ("The $service transport service still loads the agent from '$Path', so its files were not deleted. " +
                "Run the script with -TransportService $(($TransportService + $service) -join ', ') to remove it there too.")
        }
    }
}

function Remove-AgentInstallation
{
    <#
    .SYNOPSIS
    Deletes the agent's files, the event source and, on request, the log folder.

    .DESCRIPTION
    Refuses to delete a folder that contains neither the agent assembly nor its configuration, so that a wrong
    -Path cannot delete another program's files. A log folder inside the installation folder is kept unless
    -RemoveLogs is given.
    #>
    [CmdletBinding(SupportsShouldProcess)]
    param(
        [Parameter(Mandatory)]
        [string] $Path,

        [switch] $RemoveFiles,

        [switch] $RemoveLogs
    )

    $configurationPath = Join-Path -Path $Path -ChildPath $script:ConfigurationFileName
    $logFolder = Get-AgentLogFolder -AgentPath $Path -ConfigurationPath $configurationPath

    if ($RemoveLogs -and (Test-Path -LiteralPath $logFolder -PathType Container) -and
        $PSCmdlet.ShouldProcess($logFolder, 'Delete the log folder'))
    {
        Remove-Item -LiteralPath $logFolder -Recurse -Force -Confirm:$false -ErrorAction Stop
    }

    if (-not $RemoveFiles)
    {
        return
    }

    if (Test-Path -LiteralPath $Path -PathType Container)
    {
        $items = @(Get-ChildItem -LiteralPath $Path -Force | Where-Object { -not (Test-SamePath -Path $_.FullName -OtherPath $logFolder) })
        $hasAgent = @($items | Where-Object { $_.Name -eq $script:AgentAssemblyFileName -or $_.Name -eq $script:ConfigurationFileName }).Count -gt 0
        if ($items.Count -gt 0 -and -not $hasAgent)
        {
            throw "The folder '$Path' contains neither $($script:AgentAssemblyFileName) nor $($script:ConfigurationFileName), so it was not deleted. Check -Path."
        }

        $keptLogs = Test-Path -LiteralPath $logFolder -PathType Container
        if ($items.Count -gt 0 -and $PSCmdlet.ShouldProcess($Path, "Delete the agent files ($($items.Count) items)"))
        {
            try
            {
                $items | Remove-Item -Recurse -Force -Confirm:$false -ErrorAction Stop
            }
            catch
            {
                throw "Deleting the agent files in '$Path' failed: $($_.Exception.Message) A file in use is still loaded by a transport service; restart it and run the script again."
            }
        }

        $emptied = @(Get-ChildItem -LiteralPath $Path -Force).Count -eq 0
        if ($emptied -and $PSCmdlet.ShouldProcess($Path, 'Delete the empty folder'))
        {
            Remove-Item -LiteralPath $Path -Force -Confirm:$false -ErrorAction Stop
        }
        elseif ($keptLogs)
        {
            Write-Verbose "Kept the log folder '$logFolder'; -RemoveLogs deletes it."
        }
    }
    else
    {
        Write-Verbose "The folder '$Path' does not exist."
    }

    if ((Test-Path -LiteralPath $script:EventSourceRegistryPath) -and
        $PSCmdlet.ShouldProcess('Application event log', "Delete event source '$($script:EventSourceName)'"))
    {
        try
        {
            Remove-EventLog -Source $script:EventSourceName -Confirm:$false -ErrorAction Stop
        }
        catch
        {
            throw "The event source '$($script:EventSourceName)' could not be deleted: $($_.Exception.Message) Run the script as an administrator."
        }
    }
}
