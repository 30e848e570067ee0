import { Text } from '@tarojs/components';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { ErrorView, Loading } from '../../components/state-view';
import { useRemote } from '../../hooks/use-remote';
import { call } from '../../services/api';

/** The units under `parentId` (communities of a street, grids of a community) as chips, read one level at a time. */
export function UnitChips(props: { label: string; parentId: string; value: string; onChange: (id: string) => void; error?: string }) {
  const { label, parentId, value, onChange, error } = props;
  const units = useRemote(() => call('role.places', { parentId }), parentId);
  return (
    <FormField label={label} error={error}>
      {units.state === 'loading' && <Loading />}
      {units.state === 'error' && <ErrorView error={units.error} onRetry={units.reload} />}
      {units.data && units.data.places.length === 0 && <Text className="admin-intro">这里还没有下级单位，请先在“组织架构”中建立。</Text>}
      {units.data && (
        <ChoiceChips
          name={`unit-${parentId}`}
          choices={units.data.places.map((u) => ({ value: u.id, label: u.name }))}
          value={value}
          onChange={onChange}
        />
      )}
    </FormField>
  );
}
