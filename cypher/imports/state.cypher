// Whether pending import $importId is still alive: no row when its marker is gone (discarded
// and removed by another import), `discarded` true while another import is removing it.
MATCH (p:PendingImport {id: $importId})
RETURN p.discarded IS NOT NULL AS discarded
