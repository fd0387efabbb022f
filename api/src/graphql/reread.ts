/**
 * Reads a row a service has just written again, with the selection the client asked for, so a
 * mutation's nested fields are planned like a query's (no extra round trips per field).
 */
export async function reread<Selection extends object, Row>(
  read: (args: Selection & { where: { id: string } }) => Promise<Row>,
  selection: Selection,
  written: Promise<{ id: string }>,
): Promise<Row> {
  const { id } = await written;
  return read({ ...selection, where: { id } });
}
