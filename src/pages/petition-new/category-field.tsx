import { Text, View } from '@tarojs/components';
import { ChoiceChips } from '../../components/choice-chips';
import { FormField } from '../../components/form-field';
import { categoryGroups, groupOf, type PetitionCategory } from '../../utils/petition-categories';

interface Props {
  categories: PetitionCategory[];
  value: string;
  error?: string;
  onChange: (categoryId: string) => void;
}

/** 类别: the top-level kinds first; a kind with sub-kinds offers them, and the kind itself stands for “other”. */
export function CategoryField({ categories, value, error, onChange }: Props) {
  const groups = categoryGroups(categories);
  const group = groupOf(groups, value);
  const picked = categories.find((c) => c.id === value);
  return (
    <FormField label="问题类别" error={error && !value ? '请选择问题类别' : error}>
      <ChoiceChips
        name="category"
        choices={groups.map((g) => ({ value: g.parent.id, label: g.parent.name }))}
        value={group?.parent.id ?? ''}
        onChange={onChange}
      />
      {group && group.children.length > 0 && (
        <View className="petition-new__sub">
          <Text className="petition-new__sub-label">具体是（可选）</Text>
          <ChoiceChips
            name="subcategory"
            choices={[...group.children.map((c) => ({ value: c.id, label: c.name })), { value: group.parent.id, label: `其他${group.parent.name}` }]}
            value={value}
            onChange={onChange}
          />
        </View>
      )}
      {picked?.private && <Text className="petition-new__note">矛盾纠纷只有网格员和社区能看到，不会公开给邻居。</Text>}
      {picked?.council && <Text className="petition-new__note">物业、业主相关的问题，社区可以召集业委会和物业三方议事。</Text>}
    </FormField>
  );
}
