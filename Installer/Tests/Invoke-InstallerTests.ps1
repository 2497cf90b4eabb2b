<#
.SYNOPSIS
Runs every Pester test of the installation scripts and ends with the line "N passed, N failed".

.DESCRIPTION
Imports Pester from the given module manifest, runs the *.Tests.ps1 files of this folder, writes the results in
NUnit XML format and prints the counts taken from Pester's result object as the last line. Tests that fail, and
blocks or files that fail before their tests run, count as failed. The exit code is 1 when anything failed or
no test ran.

.PARAMETER PesterModulePath
The path of Pester.psd1.

.PARAMETER ResultPath
The NUnit XML file to write.

.EXAMPLE
pwsh -NoProfile -File Installer/Tests/Invoke-InstallerTests.ps1 -PesterModulePath ./Pester.psd1 -ResultPath ./installer.xml
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $PesterModulePath,

    [Parameter(Mandatory)]
    [string] $ResultPath
)

# No Set-StrictMode here: the tests run in child scopes and would inherit it. The scripts under test set their own.
$ErrorActionPreference = 'Stop'

Import-Module -Name $PesterModulePath -Force
if ($null -ne (Get-Variable -Name PSStyle -ErrorAction SilentlyContinue))
{
    $PSStyle.OutputRendering = 'PlainText'
}

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.TestResult.Enabled = $true
$configuration.TestResult.OutputFormat = 'NUnitXml'
$configuration.TestResult.OutputPath = $ResultPath

$result = Invoke-Pester -Configuration $configuration
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($result.PassedCount -eq 0 -and $failed -eq 0)
{
    Write-Warning 'No installer test ran.'
    $failed = 1
}

"$($result.PassedCount) passed, $failed failed"
if ($failed -gt 0)
{
    exit 1
}
