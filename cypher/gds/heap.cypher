// The server's free and maximum heap as GDS reports them ("813 MiB").
CALL gds.debug.sysInfo() YIELD key, value
WITH key, value WHERE key IN ['heapFree', 'heapMax']
RETURN key, toString(value) AS value
